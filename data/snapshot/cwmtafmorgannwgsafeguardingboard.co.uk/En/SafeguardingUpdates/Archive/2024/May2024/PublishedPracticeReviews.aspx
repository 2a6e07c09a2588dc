<!-- scr-digest fixture. Built from the facts and structure of https://cwmtafmorgannwgsafeguardingboard.co.uk/En/SafeguardingUpdates/Archive/2024/May2024/PublishedPracticeReviews.aspx (stored public copy, seen 2026-12-01). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<!DOCTYPE html>
<html lang="en" xml:lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head id="ctl00_Head1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Published Practice Reviews - Cwm Taf Morgannwg Safeguarding Board</title>
<meta name="description" content="Links to the practice review reports and 7 minute briefings most recently published by Cwm Taf Morgannwg Safeguarding Board." />
<link rel="stylesheet" type="text/css" href="/SiteElements/Css/ctmsb-main.css?v=3.2" />
<link rel="stylesheet" type="text/css" href="/SiteElements/Css/ctmsb-print.css" media="print" />
<link rel="alternate" hreflang="cy" href="https://cwmtafmorgannwgsafeguardingboard.co.uk/Cy/DiweddariadauDiogelu/Archif/2024/Mai2024/AdolygiadauYmarferWediuCyhoeddi.aspx" />
<script type="text/javascript" src="/SiteElements/Scripts/jquery-3.6.0.min.js"></script>
<script type="text/javascript" src="/SiteElements/Scripts/quickexit.js"></script>
</head>
<body class="en template-article">
<form method="post" action="./PublishedPracticeReviews.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkYmQ1ZTgxOWYxNTQ2ZGM3" />
</div>

<div id="cookieNotice" class="cookie-notice" role="region" aria-label="Cookie notice">
  <p>This site stores small files called cookies on your device. Some are needed for the site to work; others help us see how it is used. <a href="/En/Cookies.aspx">Find out about cookies</a></p>
  <button type="button" class="cookie-accept">Accept all cookies</button>
  <button type="button" class="cookie-reject">Essential cookies only</button>
</div>

<a href="https://www.bbc.co.uk/weather" id="quickExit" class="quick-exit">Quickly Leave This Website</a>
<a href="#mainContent" class="skip-link">Skip to main content</a>

<div class="masthead">
  <div class="wrapper">
    <a href="/En/Home.aspx" class="logo"><img src="/SiteElements/Images/ctmsb-logo.png" alt="Cwm Taf Morgannwg Safeguarding Board / Bwrdd Diogelu Cwm Taf Morgannwg" /></a>
    <p class="strapline">Partnership - Rhondda Cynon Taf, Merthyr Tydfil &amp; Bridgend</p>
    <ul class="utility-links">
      <li><a href="/Cy/DiweddariadauDiogelu/Archif/2024/Mai2024/AdolygiadauYmarferWediuCyhoeddi.aspx" lang="cy">Cymraeg</a></li>
      <li><a href="/En/ContactUs.aspx">Contact us</a></li>
      <li><a href="/En/Search.aspx">Search</a></li>
    </ul>
  </div>
</div>

<div class="main-menu" id="mainMenu">
  <ul class="wrapper">
    <li><a href="/En/Home.aspx">Home</a></li>
    <li><a href="/En/AboutTheBoard/AboutTheBoard.aspx">About the Board</a></li>
    <li><a href="/En/Children/Children.aspx">Children</a></li>
    <li><a href="/En/Adults/Adults.aspx">Adults</a></li>
    <li><a href="/En/Professionals/Professionals.aspx">Professionals</a></li>
    <li><a href="/En/Professionals/PracticeReviews/PracticeReviews.aspx">Practice Reviews</a></li>
    <li><a href="/En/Training/Training.aspx">Training</a></li>
    <li><a href="/En/Professionals/WalesSafeguardingProcedures.aspx">Wales Safeguarding Procedures</a></li>
    <li class="active"><a href="/En/SafeguardingUpdates/SafeguardingUpdates.aspx">Safeguarding Updates</a></li>
    <li><a href="/En/JuniorSafeguardingBoard/JuniorSafeguardingBoard.aspx">Junior Safeguarding Board</a></li>
    <li><a href="/En/ReportAConcern.aspx">Report a Concern</a></li>
  </ul>
</div>

<div class="breadcrumb wrapper">
  <span>You are here:</span>
  <a href="/En/Home.aspx">Home</a> &gt;
  <a href="/En/SafeguardingUpdates/SafeguardingUpdates.aspx">Safeguarding Updates</a> &gt;
  <a href="/En/SafeguardingUpdates/Archive/Archive.aspx">Archive</a> &gt;
  <a href="/En/SafeguardingUpdates/Archive/2024/2024.aspx">2024</a> &gt;
  <a href="/En/SafeguardingUpdates/Archive/2024/May2024/May2024.aspx">May 2024</a> &gt;
  <span class="current">Published Practice Reviews</span>
</div>

<div class="wrapper content-wrap">
  <div id="mainContent" class="article-body">
    <h1>Published Practice Reviews</h1>

    <p>Every organisation that cares for, supports or protects children, young people and adults at risk must make sure that the care and protection it offers is of the highest standard, and that this standard is kept up. Learning from what has gone wrong, above all where someone has died or been seriously hurt, is part of that duty.</p>

    <p>Under the Social Services and Well Being (Wales) Act 2014, the Cwm Taf Safeguarding Board must set up a Practice Review whenever a case meets the criteria for one.</p>

    <p>A Practice Review takes place where abuse or neglect is known or suspected and the person:</p>
    <ul>
      <li>has died;</li>
      <li>or has suffered an injury that could have threatened their life;</li>
      <li>or has suffered serious and lasting harm to their health or development</li>
    </ul>

    <p>The links below lead to the practice review reports and 7 minute briefings that Cwm Taf Morgannwg Safeguarding Board has published most recently:</p>

    <p>
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/APRCTMSB032022Report.pdf">APR CTMSB 03-2022 Report</a><br />
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/APRCTMSB032022SevenMinuteBriefing.pdf">APR CTMSB 03-2022 7 Minute Briefing</a>
    </p>

    <p>
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/CPRCTMSB062021.pdf">CPR CTMSB 06-2021</a><br />
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/CPRCTMSB062021SevenMinuteBriefing.pdf">CPR CTMSB 06/2021 7 Minute Briefing</a>
    </p>

    <p>
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/CPRCTMSB82020FinalReport.pdf">CPR CTMSB 8/2020 Final Report</a><br />
      <a href="/En/SafeguardingUpdates/Archive/2024/May2024/RelatedDocuments/7MinuteBriefingCPR082020.pdf">7 Minute Briefing CPR 08 2020</a>
    </p>

    <p>&nbsp;</p>
    <p class="posted-date">Posted on Thursday 16th May 2024</p>

    <div class="share-page">
      <span>Share this page:</span>
      <a href="https://www.facebook.com/sharer/sharer.php?u=https://cwmtafmorgannwgsafeguardingboard.co.uk/En/SafeguardingUpdates/Archive/2024/May2024/PublishedPracticeReviews.aspx">Facebook</a>
      <a href="https://twitter.com/intent/tweet?url=https://cwmtafmorgannwgsafeguardingboard.co.uk/En/SafeguardingUpdates/Archive/2024/May2024/PublishedPracticeReviews.aspx">X (Twitter)</a>
      <a href="mailto:?subject=Published%20Practice%20Reviews">Email</a>
    </div>
  </div>

  <div class="sidebar">
    <div class="side-box">
      <h2>Safeguarding Updates - May 2024</h2>
      <ul>
        <li><a href="/En/SafeguardingUpdates/Archive/2024/May2024/PublishedPracticeReviews.aspx">Published Practice Reviews</a></li>
        <li><a href="/En/SafeguardingUpdates/Archive/2024/May2024/NationalSafeguardingWeek2024.aspx">Save the date: National Safeguarding Week 2024</a></li>
        <li><a href="/En/SafeguardingUpdates/Archive/2024/May2024/ExploitationLearningEvent.aspx">Child Exploitation practitioner learning event</a></li>
      </ul>
    </div>
    <div class="side-box">
      <h2>Related pages</h2>
      <ul>
        <li><a href="/En/Professionals/PracticeReviews/PracticeReviews.aspx">Practice Reviews</a></li>
        <li><a href="/En/Professionals/PracticeReviews/ReferACaseForAPracticeReview.aspx">Refer a case for a Practice Review</a></li>
        <li><a href="/En/Professionals/PracticeReviews/SingleUnifiedSafeguardingReview.aspx">Single Unified Safeguarding Review (SUSR)</a></li>
        <li><a href="/En/Professionals/SevenMinuteBriefings.aspx">7 Minute Briefings</a></li>
      </ul>
    </div>
    <div class="side-box">
      <h2>Useful links</h2>
      <ul>
        <li><a href="https://www.safeguarding.wales/">Wales Safeguarding Procedures</a></li>
        <li><a href="https://www.gov.wales/safeguarding-guidance">Working Together to Safeguard People (Welsh Government)</a></li>
        <li><a href="https://www.cardiff.ac.uk/security-crime-intelligence-innovation-institute/research/projects/wales-safeguarding-repository">Wales Safeguarding Repository</a></li>
        <li><a href="https://learning.nspcc.org.uk/case-reviews/national-case-review-repository">NSPCC national case review repository</a></li>
      </ul>
    </div>
  </div>
</div>

<div class="page-footer">
  <div class="wrapper">
    <ul class="footer-links">
      <li><a href="/En/Accessibility.aspx">Accessibility statement</a></li>
      <li><a href="/En/PrivacyNotice.aspx">Privacy notice</a></li>
      <li><a href="/En/Cookies.aspx">Cookies</a></li>
      <li><a href="/En/WelshLanguageStandards.aspx">Welsh Language Standards</a></li>
      <li><a href="/En/Sitemap.aspx">Site map</a></li>
    </ul>
    <p>Cwm Taf Morgannwg Safeguarding Board Business Unit, Ty Trevithick, Abercynon, CF45 4UQ</p>
    <p>&copy; Cwm Taf Morgannwg Safeguarding Board 2024</p>
  </div>
</div>
</form>
</body>
</html>
