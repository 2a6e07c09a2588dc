<!-- scr-digest fixture. Built from the facts and structure of https://www.east-ayrshire.gov.uk/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/Publications-and-reports.aspx (stored public copy, seen 2026-12-01). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<!DOCTYPE html>
<html lang="en" xml:lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Publications and reports - East Ayrshire Council</title>
<link href="/Resources/Styles/eac-main.css?v=638121" rel="stylesheet" type="text/css">
<script src="/Resources/Scripts/jquery-3.6.0.min.js"></script>
<script src="/WebResource.axd?d=pynGkmcFUV13He1Qd6_TZ&amp;t=637811" type="text/javascript"></script>
</head>
<body>
<form method="post" action="./Publications-and-reports.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1MmRkZ8yXbX3v1f0=">
</div>

<div id="cookieBanner" class="cookie-banner">
  <p>East Ayrshire Council uses cookies. Some are needed to make this website work; others help us improve it.</p>
  <a href="/Cookies.aspx">Find out about our cookies</a>
  <input type="button" value="Accept all cookies" class="btn-cookie-accept">
  <input type="button" value="Set cookie preferences" class="btn-cookie-settings">
</div>

<div id="header">
  <div class="header-inner">
    <a id="logo" href="/"><img src="/Resources/Images/eac-logo.png" alt="East Ayrshire Council - Comhairle Siorrachd Àir an Ear"></a>
    <div id="searchbox"><label for="txtSearch">Search this site</label><input type="text" id="txtSearch" name="txtSearch"><input type="submit" value="Search" id="btnSearch"></div>
  </div>
  <div id="topnav">
    <ul>
      <li><a href="/">Home</a></li>
      <li><a href="/BusinessAndTrade/">Business and trade</a></li>
      <li><a href="/CouncilAndGovernment/">Council and government</a></li>
      <li><a href="/CouncilTaxAndBenefits/">Council tax and benefits</a></li>
      <li><a href="/EducationAndLearning/">Education and learning</a></li>
      <li><a href="/Housing/">Housing</a></li>
      <li><a href="/LeisureAndCulture/">Leisure and culture</a></li>
      <li><a href="/ResidentServices/">Resident services</a></li>
      <li class="current"><a href="/SocialCareAndHealth/">Social care and health</a></li>
      <li><a href="/ContactUs/">Contact us</a></li>
    </ul>
  </div>
</div>

<div id="breadcrumb">
  <a href="/">Home</a> &gt;
  <a href="/SocialCareAndHealth/">Social care and health</a> &gt;
  <a href="/SocialCareAndHealth/Protecting-people/">Protecting people</a> &gt;
  <a href="/SocialCareAndHealth/Protecting-people/Child-protection/">Child protection</a> &gt;
  <a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/">Child Protection Committee</a> &gt;
  <span>Publications and reports</span>
</div>

<div id="wrapper">
  <div id="leftcol">
    <div class="subnav">
      <h2>Child Protection Committee</h2>
      <ul>
        <li><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/About-the-committee.aspx">About the committee</a></li>
        <li><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/Members.aspx">Committee members</a></li>
        <li class="selected"><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/Publications-and-reports.aspx">Publications and reports</a></li>
        <li><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/Training.aspx">Multi-agency training</a></li>
        <li><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Report-a-concern.aspx">Report a concern about a child</a></li>
      </ul>
    </div>
  </div>

  <div id="content" class="maincontent">
    <h1>Publications and reports</h1>
    <p>The publications and reports below, from the East Ayrshire Child Protection Committee, can be viewed or downloaded.</p>

    <h2>Significant Case Learning Review: Child H - Tuesday 7 December 2021</h2>
    <p>Child H went missing from the family home in East Ayrshire in October 2018. When the child was found there was clear evidence of injury and neglect.</p>
    <p>The East Ayrshire and South Ayrshire Chief Officers&rsquo; Groups jointly commissioned a significant case review about Child H. South Ayrshire&rsquo;s Independent Chair, Professor Paul Martin CBE, led the review.</p>
    <p>The review&rsquo;s findings were:</p>
    <ul>
      <li>Drift and delay in permanence planning</li>
      <li>The voice of the child, mother and carers in the decision-making process</li>
      <li>Transition of case ownership between and within authorities</li>
      <li>Organisational and professional frameworks for decision making</li>
    </ul>
    <p>The East Ayrshire CPC has been monitoring and reviewing the key actions and will oversee how the new National Child Protection Guidance is put into practice, which gives a further chance to refresh and strengthen child protection work in East Ayrshire.</p>
    <p>We remain fully committed to keeping children and young people safe by working together, putting the child at the centre and communicating well between agencies.</p>
    <p>View or download the redacted report at South Ayrshire Health and Social Care Partnership: <a href="https://www.south-ayrshire.gov.uk/health-social-care-partnership/documents/significant-case-review-child-h-redacted.pdf" class="external">Significant Case Review for Child H (PDF 673Kb)</a></p>

    <h2>Significant case review</h2>
    <h3>Significant Case Review relating to Baby L&nbsp; 20 July 2017</h3>
    <p>Baby L suffered life-changing injuries that will last a lifetime while being cared for by the father at the family home.</p>
    <p>East Ayrshire Child Protection Committee (EACPC) commissioned a Significant Case Review about Baby L. Two independent reviewers carried it out, with professional oversight from the Social Care Institute for Excellence (Scie).</p>
    <p>The reviewers set out eight findings for EACPC to consider, covering: innate human biases; how families and professionals interact; guidance; supervision; thresholds for intervention; quality assurance; the use of intelligence; and communication and collaboration in longer-term work.</p>
    <p>Actions taken in response include:</p>
    <ul>
      <li>a revised approach to practice when children are referred for paediatric assessment;</li>
      <li>a revised approach to risk assessment in health services, with more attention to how a parent&rsquo;s health affects children and young people;</li>
      <li>guidance for health professionals on assessing and reviewing infant head growth;</li>
      <li>work to identify resource and practice issues in building a sustainable midwifery and health service for unborn and newborn babies with additional needs;</li>
      <li>multi-agency guidance on the use of police intelligence;</li>
      <li>a review of quality assurance in the Multi-Agency Referral Group (MARG); and</li>
      <li>a multi-agency learning programme for practitioners and frontline managers to share what the review found and to invite further ideas for improving child protection practice, including supervision.</li>
    </ul>
    <p>The East Ayrshire Chief Officers&rsquo; Group has considered the review and its findings.</p>
    <ul class="downloads">
      <li class="pdf"><a href="/Resources/PDF/S/Significant-Case-Review-Baby-L.pdf">Significant Case Review relating to Baby L (PDF 1.2Mb)</a></li>
    </ul>

    <div class="related-links">
      <h2>Related links</h2>
      <ul>
        <li><a href="/SocialCareAndHealth/Protecting-people/Child-protection/Child-Protection-Committee/About-the-committee.aspx">About East Ayrshire Child Protection Committee</a></li>
        <li><a href="https://www.gov.scot/publications/national-guidance-child-protection-scotland-2021-updated-2023/">National Guidance for Child Protection in Scotland 2021 - updated 2023</a></li>
        <li><a href="https://www.gov.scot/publications/national-guidance-child-protection-committees-undertaking-learning-reviews/">National guidance for child protection committees undertaking learning reviews</a></li>
        <li><a href="https://www.careinspectorate.com/">Care Inspectorate</a></li>
      </ul>
    </div>
    <p class="lastupdated">Page last updated: 08/12/2021</p>
  </div>
</div>

<div id="footer">
  <ul>
    <li><a href="/Accessibility.aspx">Accessibility</a></li>
    <li><a href="/Privacy.aspx">Privacy</a></li>
    <li><a href="/Cookies.aspx">Cookies</a></li>
    <li><a href="/ContactUs/">Contact us</a></li>
  </ul>
  <p>&copy; East Ayrshire Council, London Road, Kilmarnock KA3 7BU</p>
</div>
</form>
</body>
</html>
