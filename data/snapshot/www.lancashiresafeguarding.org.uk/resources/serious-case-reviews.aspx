<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head id="ctl00_Head1"><title>
	Serious Case Reviews - Lancashire Safeguarding Children Board
</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta name="keywords" content="LSCB, Lancashire, safeguarding, serious case reviews, SCR" /><link href="../App_Themes/LSCB/styles.css" type="text/css" rel="stylesheet" /><link href="../App_Themes/LSCB/print.css" type="text/css" rel="stylesheet" media="print" />
<script type="text/javascript" src="../scripts/jquery-1.4.2.min.js"></script>
</head>
<body>
<form name="aspnetForm" method="post" action="serious-case-reviews.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPFgIeBFRleHQFFFNlcmlvdXMgQ2FzZSBSZXZpZXdzZAIDDxYCHwAFD0xTQ0IgUmVzb3VyY2VzZGQYAQUeX19Db250cm9sc1JlcXVpcmVQb3N0QmFja0tleV9fFgEFEmN0bDAwJGJ0blNlYXJjaGQ=" />
</div>

<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) { theForm = document.aspnetForm; }
function __doPostBack(eventTarget, eventArgument) {
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }
}
//]]>
</script>

<div id="ctl00_pnlCookies" class="cookies">
	<p>We use cookies to help make this website better. <a href="../cookies.aspx">Find out more about cookies</a> | <a id="ctl00_lnkHideCookies" href="javascript:__doPostBack('ctl00$lnkHideCookies','')">Hide this message</a></p>
</div>

<div id="container">
	<div id="header">
		<a id="ctl00_hlLogo" href="../default.aspx"><img src="../images/lscb_logo.gif" alt="Lancashire Safeguarding Children Board" width="300" height="90" /></a>
		<div id="search">
			<label for="ctl00_txtSearch">Search</label>
			<input name="ctl00$txtSearch" type="text" id="ctl00_txtSearch" class="searchbox" />
			<input type="submit" name="ctl00$btnSearch" value="Go" id="ctl00_btnSearch" />
		</div>
		<div id="worried"><strong>Worried about a child?</strong> Call Lancashire County Council on 0300 123 6720 (out of hours 0300 123 6722)</div>
	</div>

	<div id="topnav">
		<ul>
			<li><a href="../default.aspx">Home</a></li>
			<li><a href="../about-us.aspx">About the LSCB</a></li>
			<li><a href="../professionals.aspx">Professionals</a></li>
			<li><a href="../children-and-young-people.aspx">Children &amp; Young People</a></li>
			<li><a href="../parents-and-carers.aspx">Parents &amp; Carers</a></li>
			<li><a href="../training.aspx">Training</a></li>
			<li class="selected"><a href="../resources.aspx">Resources</a></li>
			<li><a href="../contact-us.aspx">Contact us</a></li>
		</ul>
	</div>

	<div id="breadcrumb">
		<span id="ctl00_SiteMapPath1"><a href="#ctl00_SiteMapPath1_SkipLink"><img alt="Skip Navigation Links" height="0" width="0" src="/WebResource.axd?d=Kx3l&amp;t=634051" style="border-width:0px;" /></a><span><a title="Home" href="/default.aspx">Home</a></span><span> &gt; </span><span><a title="Resources" href="/resources.aspx">Resources</a></span><span> &gt; </span><span>Serious Case Reviews</span><a id="ctl00_SiteMapPath1_SkipLink"></a></span>
	</div>

	<div id="leftcol">
		<h3>Resources</h3>
		<ul class="subnav">
			<li><a href="leaflets.aspx">Leaflets</a></li>
			<li><a href="posters.aspx">Posters</a></li>
			<li class="selected"><a href="serious-case-reviews.aspx">Serious Case Reviews</a></li>
			<li><a href="annual-reports.aspx">Annual Reports</a></li>
			<li><a href="newsletters.aspx">LSCB Newsletters</a></li>
			<li><a href="useful-links.aspx">Useful Links</a></li>
		</ul>
	</div>

	<div id="maincol">
		<h1>Serious Case Reviews</h1>
		<p>Local Safeguarding Children Boards must undertake a Serious Case Review (SCR) when a child dies or is seriously harmed and abuse or neglect is known or suspected, and there is cause for concern as to the way in which agencies worked together to safeguard the child.</p>
		<p>Overview reports are published for a period of 12 months. After that period the report is removed from the website but the learning brief remains available. Requests for reports that are no longer published should be made to the LSCB Business Unit.</p>

		<h2>Published Serious Case Reviews</h2>

		<div class="scr-item">
			<h3>SCR Child LS</h3>
			<ul>
				<li><a href="documents/scr-child-ls-overview-report.pdf" target="_blank">SCR Child LS - Overview Report</a></li>
				<li><a href="documents/scr-child-ls-executive-summary.pdf" target="_blank">SCR Child LS - Executive Summary</a></li>
			</ul>
		</div>

		<div class="scr-item">
			<h3>SCR Child LA</h3>
			<ul>
				<li><a href="documents/SCR%20Child%20LA%20Overview%20Report.pdf" target="_blank">Overview Report</a></li>
				<li><a href="documents/SCR%20Child%20LA%20Learning%20Brief.pdf" target="_blank">Learning Brief</a></li>
			</ul>
		</div>

		<div class="scr-item">
			<h3>SCR Family LD</h3>
			<ul>
				<li>Overview Report - no longer published</li>
				<li><a href="documents/scr-family-ld-learning-brief.pdf" target="_blank">SCR Family LD - Learning Brief</a></li>
			</ul>
		</div>

		<div class="scr-item">
			<h3>SCR Children LX and LY</h3>
			<ul>
				<li><a href="documents/scr-children-lx-ly-overview-report.pdf" target="_blank">SCR Children LX and LY - Overview Report</a></li>
				<li><a href="documents/scr-children-lx-ly-lscb-response.pdf" target="_blank">LSCB Response</a></li>
			</ul>
		</div>

		<div class="scr-item">
			<h3>SCR Child LN</h3>
			<ul>
				<li><a href="documents/scr-child-ln-executive-summary.pdf" target="_blank">SCR Child LN - Executive Summary</a></li>
			</ul>
		</div>

		<h2>Learning from national Serious Case Reviews</h2>
		<p>Messages from serious case reviews across England are brought together in national analyses:</p>
		<ul>
			<li><a href="https://www.gov.uk/government/publications/new-learning-from-serious-case-reviews-a-two-year-report-for-2009-to-2011" target="_blank">New learning from serious case reviews: a two year report for 2009-2011</a></li>
			<li><a href="http://www.ofsted.gov.uk/resources/ages-of-concern-learning-lessons-serious-case-reviews" target="_blank">Ofsted - Ages of concern: learning lessons from serious case reviews (2011)</a></li>
		</ul>
		<p>Published reviews from other areas can be found in the <a href="http://www.nspcc.org.uk/Inform/resourcesforprofessionals/scrs/national_case_review_repository_wda95357.html" target="_blank">NSPCC National Case Review Repository</a>.</p>
		<p>The LSCB runs regular <a href="../training.aspx">Learning from Serious Case Reviews training</a> for practitioners.</p>
	</div>

	<div id="footer">
		<p><a href="../accessibility.aspx">Accessibility</a> | <a href="../privacy.aspx">Privacy</a> | <a href="../cookies.aspx">Cookies</a> | <a href="../sitemap.aspx">Site map</a></p>
		<p>&copy; Lancashire Safeguarding Children Board, County Hall, Preston PR1 8RJ</p>
	</div>
</div>

<div>
	<input type="hidden" name="__EVENTVALIDATION" id="__EVENTVALIDATION" value="/wEWAwKM7aWICwLv8IWjDgKp+7fUBp6oHJ3hPeYC4Q0wqWpX4YqQ1T2x" />
</div>
</form>
</body>
</html>
