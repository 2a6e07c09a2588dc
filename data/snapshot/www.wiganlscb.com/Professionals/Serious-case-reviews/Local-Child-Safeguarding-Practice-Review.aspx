<!DOCTYPE html>
<!-- scr-digest fixture. Built from the facts and structure of https://www.wiganlscb.com/Professionals/Serious-case-reviews/Local-Child-Safeguarding-Practice-Review.aspx (stored public copy, seen 2026-12-01). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Local Child Safeguarding Practice Review | Wigan Safeguarding Children Partnership</title>
<link rel="stylesheet" href="/SiteElements/css/wscp.css?v=4.3">
<script src="/SiteElements/js/jquery.min.js"></script>
<script src="/SiteElements/js/wscp.js?v=4.3"></script>
</head>
<body>
<form method="post" action="./Local-Child-Safeguarding-Practice-Review.aspx" id="form1">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE2MTY2ODcyMjlkZLx7Yf2qN9sP0cWmR4tHa8uE3vKJ" />
</div>

<div id="cookieWarning" class="cookie-warning">
  <p>We use cookies on this website. Some are essential; others help us to improve the site. <a href="/Cookies.aspx">Read our cookie policy</a></p>
  <a href="#" id="cookieAccept" class="button">I'm happy with cookies</a>
</div>

<div class="top-strip">
  <a href="#content" class="skip">Skip to content</a>
  <a href="https://www.google.co.uk" class="hide-page">Hide this page</a>
</div>

<div class="header">
  <div class="container">
    <a href="/" class="logo"><img src="/SiteElements/images/wscp-logo.png" alt="Wigan Safeguarding Children Partnership"></a>
    <div class="header-contact">
      <p><strong>Worried about a child?</strong> <a href="https://www.wigan.gov.uk/Resident/Children-and-families/Worried-about-a-child.aspx">Contact the Children's Duty and Advice Team</a></p>
    </div>
  </div>
</div>

<div class="mainnav">
  <div class="container">
    <ul>
      <li><a href="/Home.aspx">Home</a></li>
      <li><a href="/About-us/About-us.aspx">About us</a></li>
      <li><a href="/Children-and-young-people/Children-and-young-people.aspx">Children and young people</a></li>
      <li><a href="/Parents-and-carers/Parents-and-carers.aspx">Parents and carers</a></li>
      <li class="active"><a href="/Professionals/Professionals.aspx">Professionals</a></li>
      <li><a href="/Learning-hub/Learning-hub.aspx">Learning hub</a></li>
      <li><a href="/Training/Training.aspx">Training</a></li>
      <li><a href="/Professionals/Policies-and-procedures.aspx">Policies and procedures</a></li>
      <li><a href="/News/News.aspx">News</a></li>
      <li><a href="/Contact-us.aspx">Contact us</a></li>
    </ul>
  </div>
</div>

<div class="container">
  <div class="breadcrumb">
    <a href="/Home.aspx">Home</a> &raquo;
    <a href="/Professionals/Professionals.aspx">Professionals</a> &raquo;
    <a href="/Professionals/Serious-case-reviews/Serious-case-reviews.aspx">Serious case reviews</a> &raquo;
    <span>Local Child Safeguarding Practice Review</span>
  </div>

  <div class="row">
    <div class="col-sidebar">
      <div class="subnav">
        <h2>In this section</h2>
        <ul>
          <li><a href="/Professionals/Serious-case-reviews/Serious-case-reviews.aspx">Serious case reviews</a></li>
          <li class="current"><a href="/Professionals/Serious-case-reviews/Local-Child-Safeguarding-Practice-Review.aspx">Local Child Safeguarding Practice Review</a></li>
          <li><a href="/Professionals/Serious-case-reviews/Rapid-reviews.aspx">Rapid reviews</a></li>
          <li><a href="/Professionals/Serious-case-reviews/Multi-agency-learning-reviews.aspx">Multi-agency learning reviews</a></li>
          <li><a href="/Learning-hub/Learning-into-practice.aspx">Learning into practice</a></li>
        </ul>
      </div>
    </div>

    <div class="col-main" id="content">
      <h1>Local Child Safeguarding Practice reviews</h1>

      <p>The Local Safeguarding Children Partnership has a duty to review serious cases in certain circumstances.</p>
      <p>A case counts as serious where:</p>
      <ul>
        <li>abuse or neglect of a child is known or suspected, and</li>
        <li>the child has died, or has been seriously harmed and there is concern about how the authority, the partnership's partners or other relevant people worked together to safeguard children.</li>
      </ul>
      <p>Wigan Safeguarding Children's Partnership (WSCP) carries out a rapid review of each serious child safeguarding case and decides whether it meets the threshold for a Local Child Safeguarding Practice Review (LCSPR).</p>
      <p>An LCSPR looks at whether the case holds lessons about how professionals and organisations work together to safeguard children and promote their welfare.</p>
      <p>Wigan Safeguarding Partnership publishes each LCSPR as an Executive Summary Report.</p>
      <p>LCSPRs used to be called Serious Case Reviews.</p>

      <div class="review-block">
        <h2>Local Child Safeguarding Practice Review - George</h2>
        <p>Wigan Safeguarding Children Partnership told the National Child Safeguarding Practice Review Panel about a serious safeguarding incident concerning "George". The review looks at a period of almost three years leading up to the critical incident. One important systemic theme was the move of George's mother from children's services to adults' services. George's case helps the partnership understand how abuse and neglect passed down the generations can show itself in the way parents behave, and how a poor understanding of childhood trauma can weaken the efforts agencies make to support good parenting. The partnership has set up action plans and workstreams to make sure the learning from this case is put into practice.</p>
      </div>

      <div class="review-block">
        <h2>Local Child Safeguarding Practice Review - Elliot</h2>
      </div>
    </div>

    <div class="col-right">
      <div class="panel">
        <h2>Useful links</h2>
        <ul>
          <li><a href="https://learning.nspcc.org.uk/case-reviews/national-case-review-repository">NSPCC national case review repository</a></li>
          <li><a href="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2">Working Together to Safeguard Children 2023</a></li>
          <li><a href="https://www.gov.uk/government/organisations/child-safeguarding-practice-review-panel">Child Safeguarding Practice Review Panel</a></li>
          <li><a href="https://www.wigan.gov.uk/Resident/Children-and-families/Worried-about-a-child.aspx">Make a referral</a></li>
        </ul>
      </div>
    </div>
  </div>
</div>

<div class="footer">
  <div class="container">
    <ul>
      <li><a href="/Accessibility.aspx">Accessibility</a></li>
      <li><a href="/Privacy.aspx">Privacy</a></li>
      <li><a href="/Cookies.aspx">Cookies</a></li>
      <li><a href="/Sitemap.aspx">Sitemap</a></li>
    </ul>
    <p>&copy; 2026 Wigan Safeguarding Children Partnership</p>
  </div>
</div>
</form>
</body>
</html>
