<!-- scr-digest fixture. Built from the facts and structure of https://www.ssaspb.org.uk/Safeguarding-adult-reviews-SARs/SAR-reports-learning.aspx (stored public copy, seen 2026-12-01). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<title>SAR reports &amp; learning - Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board</title>
<link href="/css/ssaspb-main.css?v=20240611" rel="stylesheet" type="text/css" />
<script type="text/javascript" src="/scripts/site.js?v=20240611"></script>
</head>
<body id="bodySARReports" class="interior">
<form name="aspnetForm" method="post" action="./SAR-reports-learning.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkq3sD9xS0aR1vQm8eTZc2Jk4yP0E=" />
</div>

<div id="cookieBar" class="cookie-bar">
  <span>This website uses cookies to improve your experience. Some are needed for the site to work; others help us understand how it is used.</span>
  <a href="/Cookies.aspx" class="cookie-more">Find out more</a>
  <a href="#" class="cookie-ok" onclick="hideCookieBar();return false;">Accept and close</a>
</div>

<div id="topBar">
  <a href="#mainContent" class="skip">Skip to content</a>
  <a href="https://www.bbc.co.uk/weather" id="quickExit" class="quick-exit">Quick exit</a>
  <a href="/Easy-read.aspx" class="easy-read">Easy read</a>
</div>

<div id="masthead">
  <a href="/" id="logo"><img src="/images/ssaspb-logo.png" alt="Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board" /></a>
  <div id="reportBox">
    <p><strong>Worried about an adult?</strong></p>
    <p><a href="/Worried-about-an-adult/Report-a-concern.aspx">Report a concern in Staffordshire or Stoke-on-Trent</a></p>
  </div>
</div>

<div id="menuBar">
  <ul id="topMenu">
    <li><a href="/">Home</a></li>
    <li><a href="/About-us/About-us.aspx">About us</a></li>
    <li><a href="/Worried-about-an-adult/Worried-about-an-adult.aspx">Worried about an adult?</a></li>
    <li><a href="/Professionals/Professionals.aspx">Professionals</a></li>
    <li class="selected"><a href="/Safeguarding-adult-reviews-SARs/Safeguarding-adult-reviews.aspx">Safeguarding adult reviews (SARs)</a></li>
    <li><a href="/Training/Training.aspx">Training</a></li>
    <li><a href="/Policies-and-procedures/Policies-and-procedures.aspx">Policies and procedures</a></li>
    <li><a href="/Publications/Publications.aspx">Publications</a></li>
    <li><a href="/News/News.aspx">News</a></li>
    <li><a href="/Contact-us.aspx">Contact us</a></li>
  </ul>
</div>

<div id="pageWrap">
  <div id="breadcrumbs">
    <a href="/">Home</a> &gt;
    <a href="/Safeguarding-adult-reviews-SARs/Safeguarding-adult-reviews.aspx">Safeguarding adult reviews (SARs)</a> &gt;
    <span>SAR reports &amp; learning</span>
  </div>

  <div id="leftCol">
    <div class="subnav">
      <h3>In this section</h3>
      <ul>
        <li><a href="/Safeguarding-adult-reviews-SARs/What-is-a-SAR.aspx">What is a SAR?</a></li>
        <li><a href="/Safeguarding-adult-reviews-SARs/Making-a-SAR-referral.aspx">Making a SAR referral</a></li>
        <li class="on"><a href="/Safeguarding-adult-reviews-SARs/SAR-reports-learning.aspx">SAR reports &amp; learning</a></li>
        <li><a href="/Safeguarding-adult-reviews-SARs/SAR-learning-briefings.aspx">SAR learning briefings</a></li>
        <li><a href="/Safeguarding-adult-reviews-SARs/SAR-protocol.aspx">SAR protocol</a></li>
      </ul>
    </div>
  </div>

  <div id="mainContent" class="content">
    <h1>SAR reports &amp; learning</h1>

    <p>A Safeguarding Adult Review (SAR) exists to help organisations learn and to improve practice. In particular it aims:</p>
    <ul>
      <li>to find out how professionals and their agencies could work together better</li>
      <li>to test how well local multi-agency safeguarding procedures are working</li>
      <li>to pass on guidance and best practice, and to recognise good practice where it is found</li>
    </ul>
    <p>The Safeguarding Adult Reviews that SSASPB has commissioned are set out below.</p>

    <div class="sar-item">
      <h2><a href="/Documents/SARs/Clive-Discretionary-SAR-Report-2024.pdf">Clive Discretionary SAR (2024)</a></h2>
      <p>This discretionary Safeguarding Adults Review, under section 44(4) of the Care Act 2014, was commissioned jointly by Cheshire East Safeguarding Adults Board (CESAB) and the Staffordshire and Stoke-on-Trent Adults Safeguarding Partnership Board (SSASPB).</p>
      <p>Clive lived with a learning disability, epilepsy and complex mental health needs. The review looks at abuse he suffered in the past and considers it against today's practice and processes for safeguarding and commissioning under the Care Act 2014.</p>
      <p>The concerns were sexual abuse by a person in a position of trust (PiPoT), a lack of trauma informed practice and support for Clive, and the way agencies respond to families who raise worries about the quality of care.</p>
    </div>

    <div class="sar-item">
      <h2><a href="/Documents/SARs/Gillian-SAR-Report-2023.pdf">Gillian SAR (2023)</a></h2>
      <p>Gillian, a woman in her late 60s, was confined to her bed in supported housing. The concerns were about self-neglect, her refusal of services, and whether the Mental Capacity Act (2005) was considered or used, and how far this affected what happened to Gillian.</p>
      <p>In the video below the reviewer gives an introduction to the case and its themes.</p>
      <div class="video-embed">
        <iframe width="560" height="315" src="https://www.youtube-nocookie.com/embed/q8GnSAR23vL" title="Gillian SAR - introduction from the reviewer" frameborder="0" allowfullscreen="allowfullscreen"></iframe>
      </div>
    </div>

    <div class="sar-item">
      <h2><a href="/Documents/SARs/Frank-and-Elsie-SAR-Report-2023.pdf">Frank and Elsie (2023)</a></h2>
      <p>This SAR looks at how risk was handled where sexual behaviours arose in care and nursing home settings. It concerned two residents, neither of whom had capacity. SSASPB partners have recorded a <a href="/Documents/SARs/Frank-and-Elsie-SAR-podcast.mp3">podcast</a> that introduces the themes of the case.</p>
    </div>

    <p class="last-updated">Last updated: 03/09/2024</p>
  </div>

  <div id="rightCol">
    <div class="panel">
      <h3>Useful links</h3>
      <ul>
        <li><a href="https://www.scie.org.uk/safeguarding/adults/reviews/library/">SCIE SAR library</a></li>
        <li><a href="https://www.legislation.gov.uk/ukpga/2014/23/section/44">Care Act 2014 section 44</a></li>
        <li><a href="https://www.staffsscp.org.uk/">Staffordshire Safeguarding Children Partnership</a></li>
        <li><a href="https://www.safeguardingchildren.stoke.gov.uk/">Stoke-on-Trent Safeguarding Children Partnership</a></li>
        <li><a href="/Safeguarding-adult-reviews-SARs/Making-a-SAR-referral.aspx">Refer a case for a SAR</a></li>
      </ul>
    </div>
    <div class="panel panel-alt">
      <h3>Newsletter</h3>
      <p><a href="/Newsletter-signup.aspx">Sign up to the SSASPB newsletter</a></p>
    </div>
  </div>
</div>

<div id="footer">
  <ul>
    <li><a href="/Accessibility.aspx">Accessibility</a></li>
    <li><a href="/Privacy-notice.aspx">Privacy notice</a></li>
    <li><a href="/Cookies.aspx">Cookies</a></li>
    <li><a href="/Sitemap.aspx">Site map</a></li>
  </ul>
  <p>&copy; 2026 Staffordshire and Stoke-on-Trent Adult Safeguarding Partnership Board</p>
</div>
</form>
</body>
</html>
