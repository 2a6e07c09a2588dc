<!DOCTYPE html>
<!-- scr-digest fixture. Built from the facts and structure of https://www.bournemouth.gov.uk/communityliving/CrimeDisorder/domestic-homicide-reviews/domestic-homicide-reviews.aspx (stored public copy, seen 2026-12-02). Names, dates, types, document titles and layout follow the real page; prose is paraphrased. -->
<html lang="en" xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="viewport" content="width=device-width, initial-scale=1" />
<title>Domestic Homicide Reviews - Bournemouth Borough Council</title>
<link rel="stylesheet" type="text/css" href="/Style%20Library/bbc/css/main.css" />
</head>
<body>
<form method="post" action="./domestic-homicide-reviews.aspx" id="aspnetForm">
<div class="aspNetHidden">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMGRkZbq9lN3P1Jx7" />
</div>

<div id="cookieMessage" class="cookie-message">
  <p>Bournemouth Borough Council uses cookies to make this site simpler. <a href="/Pages/Cookies.aspx">Find out more about cookies</a></p>
  <a href="#" class="cookie-close" id="cookieClose">Continue</a>
</div>

<div id="s4-bodyContainer">
  <div class="bbc-header">
    <div class="bbc-logo"><a href="/Pages/default.aspx"><img src="/Style%20Library/bbc/images/bournemouth-logo.png" alt="Bournemouth Borough Council" /></a></div>
    <div class="bbc-toplinks">
      <a href="/Pages/A-Z.aspx">A-Z of services</a> |
      <a href="/Pages/ContactUs.aspx">Contact us</a> |
      <a href="/Pages/ReportIt.aspx">Report it</a> |
      <a href="/Pages/PayIt.aspx">Pay it</a>
    </div>
    <div class="bbc-search">
      <input type="text" name="ctl00$SearchBox" title="Search" value="Search this site" />
      <input type="submit" name="ctl00$SearchGo" value="Go" />
    </div>
  </div>

  <div class="bbc-topnav">
    <ul>
      <li><a href="/Pages/default.aspx">Home</a></li>
      <li><a href="/AdultSocialCare/AdultSocialCare.aspx">Adult social care</a></li>
      <li><a href="/BinsRecycling/BinsRecycling.aspx">Bins &amp; recycling</a></li>
      <li><a href="/BusinessServices/BusinessServices.aspx">Business</a></li>
      <li><a href="/ChildrenEducation/ChildrenEducation.aspx">Children &amp; education</a></li>
      <li class="selected"><a href="/communityliving/communityliving.aspx">Community &amp; living</a></li>
      <li><a href="/CouncilDemocratic/CouncilDemocratic.aspx">Council &amp; democracy</a></li>
      <li><a href="/CouncilTax/CouncilTax.aspx">Council tax &amp; benefits</a></li>
      <li><a href="/Housing/Housing.aspx">Housing</a></li>
      <li><a href="/LeisureTourism/LeisureTourism.aspx">Leisure &amp; tourism</a></li>
      <li><a href="/PlanningBuildings/PlanningBuildings.aspx">Planning &amp; buildings</a></li>
    </ul>
  </div>

  <div class="bbc-breadcrumb">
    <a href="/Pages/default.aspx">Home</a> &gt;
    <a href="/communityliving/communityliving.aspx">Community &amp; living</a> &gt;
    <a href="/communityliving/CrimeDisorder/CrimeDisorder.aspx">Crime &amp; disorder</a> &gt;
    <span>Domestic Homicide Reviews</span>
  </div>

  <div class="bbc-columns">
    <div class="bbc-leftnav">
      <h3>Crime &amp; disorder</h3>
      <ul>
        <li><a href="/communityliving/CrimeDisorder/CommunitySafetyPartnership.aspx">Bournemouth Community Safety Partnership</a></li>
        <li><a href="/communityliving/CrimeDisorder/AntiSocialBehaviour.aspx">Anti-social behaviour</a></li>
        <li><a href="/communityliving/CrimeDisorder/DomesticAbuse.aspx">Domestic abuse</a></li>
        <li class="selected"><a href="/communityliving/CrimeDisorder/domestic-homicide-reviews/domestic-homicide-reviews.aspx">Domestic Homicide Reviews</a></li>
        <li><a href="/communityliving/CrimeDisorder/HateCrime.aspx">Hate crime</a></li>
        <li><a href="/communityliving/CrimeDisorder/CCTV.aspx">CCTV</a></li>
        <li><a href="/communityliving/CrimeDisorder/Prevent.aspx">Prevent</a></li>
      </ul>
    </div>

    <div class="bbc-content">
      <div class="ms-rtestate-field">
        <h1>Domestic Homicide Reviews</h1>
        <p><br /></p>
        <p>Domestic Homicide Reviews are one of the ways we try to respond better to domestic violence and to stop further homicides happening.</p>
        <p>Their aim is that public bodies such as the council, social services, the police and community organisations understand the events that led up to a person&rsquo;s death, and see where the response could have been better. They look at what happened and what might have been done differently, so that all the right lessons are learned, including lessons about how agencies work together, and they set out actions to improve the response to domestic violence in future.</p>
        <p><a href="/communityliving/CrimeDisorder/domestic-homicide-reviews/Documents/PAN-Dorset-DHR-Protocol.pdf">PAN Dorset Domestic Homicide Review Protocol</a></p>
        <p>Bournemouth Community Safety Partnership has recently finished a review into the death of &lsquo;Marie&rsquo;. A short synopsis of the learning has been shared with agencies. You can read the full report and the executive summary below.</p>
        <p><a href="/communityliving/CrimeDisorder/domestic-homicide-reviews/Documents/DHR-Marie-Full-Report.pdf">Full Report</a></p>
        <p><a href="/communityliving/CrimeDisorder/domestic-homicide-reviews/Documents/DHR-Marie-Executive-Summary.pdf">Executive Summary</a></p>
      </div>
    </div>

    <div class="bbc-rightcol">
      <div class="bbc-box">
        <h3>Get help</h3>
        <ul>
          <li><a href="/communityliving/CrimeDisorder/DomesticAbuse.aspx">Domestic abuse support in Bournemouth</a></li>
          <li><a href="https://www.gov.uk/government/publications/revised-statutory-guidance-for-the-conduct-of-domestic-homicide-reviews">Statutory guidance for the conduct of Domestic Homicide Reviews</a></li>
          <li><a href="https://www.dorset.police.uk/">Dorset Police</a></li>
          <li><a href="http://www.refuge.org.uk/">National Domestic Violence Helpline</a></li>
        </ul>
      </div>
    </div>
  </div>

  <div class="bbc-footer">
    <ul>
      <li><a href="/Pages/Accessibility.aspx">Accessibility</a></li>
      <li><a href="/Pages/Privacy.aspx">Privacy</a></li>
      <li><a href="/Pages/Cookies.aspx">Cookies</a></li>
      <li><a href="/Pages/Disclaimer.aspx">Disclaimer</a></li>
      <li><a href="/Pages/ContactUs.aspx">Contact us</a></li>
    </ul>
    <p>&copy; Bournemouth Borough Council, Town Hall, Bourne Avenue, Bournemouth</p>
  </div>
</div>
</form>
</body>
</html>
