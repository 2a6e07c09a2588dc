<!DOCTYPE html>
<!-- scr-digest fixture. Built from the facts and structure of https://kingstonandrichmondsafeguardingchildrenpartnership.org.uk/about-kingston-lscb/subgroups-39/child-safeguarding-practice-reviews--41.php (stored public copy, seen 2026-12-01). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Child Safeguarding Practice Reviews - Kingston and Richmond Safeguarding Children Partnership</title>
<meta name="description" content="Local learning reviews and serious case reviews published by the Kingston and Richmond Safeguarding Children Partnership.">
<link rel="stylesheet" href="/css/bootstrap.min.css">
<link rel="stylesheet" href="/css/krscp.css?v=4">
<script src="/js/jquery.min.js"></script>
</head>
<body class="inner-page subgroups">
<div id="cookie-consent" class="cookie-consent">
  <div class="container">
    <p>This website uses cookies. Some are needed for the site to work; others help us understand how it is used. <a href="/cookies-policy-12.php">Cookie policy</a></p>
    <button id="cookie-accept" class="btn btn-primary">I accept</button>
  </div>
</div>
<div class="exit-bar"><a href="https://www.google.co.uk/" class="btn-exit">Quick exit</a></div>
<div class="header">
  <div class="container">
    <div class="row">
      <div class="col-sm-6"><a href="/"><img src="/images/krscp-logo.png" alt="Kingston and Richmond Safeguarding Children Partnership" class="logo"></a></div>
      <div class="col-sm-6 header-contact">
        <p><strong>Concerned about a child?</strong><br>Kingston SPA: 020 8547 5008<br>Richmond SPA: 020 8547 5008<br>Out of hours: 020 8770 5000</p>
      </div>
    </div>
  </div>
  <div class="navbar-wrap">
    <div class="container">
      <ul class="nav navbar-nav">
        <li><a href="/">Home</a></li>
        <li class="active"><a href="/about-kingston-lscb-2.php">About us</a></li>
        <li><a href="/professionals-3.php">Professionals</a></li>
        <li><a href="/parents-carers-4.php">Parents &amp; Carers</a></li>
        <li><a href="/children-young-people-5.php">Children &amp; Young People</a></li>
        <li><a href="/training-6.php">Training</a></li>
        <li><a href="https://www.londonsafeguardingchildrenprocedures.co.uk/">London Procedures</a></li>
        <li><a href="/news-resources-7.php">News &amp; Resources</a></li>
        <li><a href="/contact-us-8.php">Contact us</a></li>
      </ul>
    </div>
  </div>
</div>

<div class="container">
  <ol class="breadcrumb">
    <li><a href="/">Home</a></li>
    <li><a href="/about-kingston-lscb-2.php">About us</a></li>
    <li><a href="/about-kingston-lscb/subgroups-39.php">Subgroups</a></li>
    <li class="active">Child Safeguarding Practice Reviews</li>
  </ol>
  <div class="row">
    <div class="col-md-3 sidebar">
      <div class="side-nav">
        <h4>Subgroups</h4>
        <ul>
          <li><a href="/about-kingston-lscb/subgroups-39/quality-and-innovation-40.php">Quality and Innovation</a></li>
          <li class="current"><a href="/about-kingston-lscb/subgroups-39/child-safeguarding-practice-reviews--41.php">Child Safeguarding Practice Reviews</a></li>
          <li><a href="/about-kingston-lscb/subgroups-39/learning-and-development-42.php">Learning and Development</a></li>
          <li><a href="/about-kingston-lscb/subgroups-39/exploitation-and-missing-43.php">Exploitation and Missing</a></li>
        </ul>
      </div>
      <div class="side-nav">
        <h4>Related pages</h4>
        <ul>
          <li><a href="https://learning.nspcc.org.uk/case-reviews/national-case-review-repository">NSPCC national case review repository</a></li>
          <li><a href="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2">Working Together to Safeguard Children</a></li>
          <li><a href="/professionals/make-a-referral-60.php">Make a referral</a></li>
        </ul>
      </div>
    </div>
    <div class="col-md-9 main-content">
      <h1>Child Safeguarding Practice Reviews</h1>
      <p>The Kingston and Richmond Safeguarding Children Partnership (KRSCP) must by law have a learning and improvement framework. The framework helps every agency in Kingston look together at situations where children and families received good or worrying practice, and so helps us examine how we learn and how our safeguarding systems work. Kingston and Richmond's Learning and Improvement Framework is available <a href="/documents/krscp-learning-and-improvement-framework.pdf">here</a>.</p>

      <h2>Local Learning</h2>

      <p>Kam Singh and Deborah Glassbrook carried out this Learning Lessons' review. It is about a young woman and the neglect she experienced. It offers learning on handling historic concerns about children, hearing the child's voice, and making sure children understand how and why professionals are working with them. Professionals can use the review as a springboard for signs of safety interventions with families.</p>
      <p>The Executive Summary is <a href="/documents/local-learning/learning-lessons-review-executive-summary.pdf">here</a></p>

      <h3>Family L</h3>
      <p>Early in 2016 two young children went missing in Kingston. The Kingston and Richmond Safeguarding Children Partnership (KRSCP) commissioned a lessons' learnt review using a systems approach, written by Sarah Johnson, Caroline Mark and Sian Thomas. It offers learning on communication, responding to injuries, child in need planning and Section 47 strategy meetings, transient families, checking who people are on home visits, and flagging vulnerabilities.</p>
      <p>The Executive Summary is <a href="/documents/local-learning/family-l-executive-summary.pdf">here</a></p>

      <p>Stanbridge Earls School Hampshire LSCB Serious Case Review 2015. More information <a href="http://www.hampshirelscb.org.uk/serious-case-reviews/stanbridge-earls-school/">here</a>.</p>

      <h3>Family A</h3>
      <p>The Family A Serious Case Review was published in November 2015. Edina Carmi and Nicki Walker Hall were its independent authors. In April 2014 the mother killed her children.</p>
      <p><strong>Key themes:</strong> neglect; risk assessments; and working with children with complex needs.</p>
      <p>The overview report, the LSCB response, the SMA Support UK information sheet and the press release statement can be downloaded below:</p>
      <ul class="downloads">
        <li><span class="icon-pdf"></span><a href="/documents/scr/Family_A_SCR_Overview_Report_FINAL.pdf">Family_A_SCR_Overview_Report_FINAL.pdf</a> <span class="size">(1.4 MB)</span></li>
        <li><span class="icon-pdf"></span><a href="/documents/scr/LSCB_Response_Family_A_SCR.pdf">LSCB_Response_Family_A_SCR.pdf</a> <span class="size">(212 KB)</span></li>
        <li><span class="icon-pdf"></span><a href="/documents/scr/SMA_Support_UK_Information_Sheet.pdf">SMA_Support_UK_Information_Sheet.pdf</a> <span class="size">(96 KB)</span></li>
        <li><span class="icon-pdf"></span><a href="/documents/scr/Family_A_Press_Release_Statement.pdf">Family_A_Press_Release_Statement.pdf</a> <span class="size">(58 KB)</span></li>
      </ul>
    </div>
  </div>
</div>

<div class="footer">
  <div class="container">
    <ul class="footer-links">
      <li><a href="/accessibility-10.php">Accessibility</a></li>
      <li><a href="/privacy-notice-11.php">Privacy notice</a></li>
      <li><a href="/cookies-policy-12.php">Cookies</a></li>
      <li><a href="/sitemap-13.php">Sitemap</a></li>
    </ul>
    <p>Kingston and Richmond Safeguarding Children Partnership, Guildhall 2, High Street, Kingston upon Thames KT1 1EU. &copy; KRSCP</p>
  </div>
</div>
<script>document.getElementById('cookie-accept').onclick=function(){document.getElementById('cookie-consent').style.display='none';};</script>
</body>
</html>
