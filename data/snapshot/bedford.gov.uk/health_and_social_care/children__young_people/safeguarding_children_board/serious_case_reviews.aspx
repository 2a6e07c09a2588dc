<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head id="ctl00_Head1"><title>
	Bedford Borough Council - Serious Case Reviews
</title><meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="keywords" content="serious case reviews, SCR, BBSCB, safeguarding children board, Bedford Borough" />
<meta name="description" content="Serious Case Reviews published by Bedford Borough Safeguarding Children Board and learning from national reviews." />
<meta name="DC.date.modified" content="2017-02-06" />
<link href="/App_Themes/BBC/main.css" type="text/css" rel="stylesheet" />
<link href="/App_Themes/BBC/print.css" type="text/css" rel="stylesheet" media="print" />
<script type="text/javascript" src="/scripts/jquery-1.7.2.min.js"></script>
<script type="text/javascript" src="/scripts/bbc-general.js"></script>
</head>
<body>
<form name="aspnetForm" method="post" action="serious_case_reviews.aspx" id="aspnetForm">
<div>
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwULLTE0MjY1NzQ2NDUPZBYCZg9kFgICAw9kFgQCAQ9kFgJmDxYCHgRUZXh0BRVTZXJpb3VzIENhc2UgUmV2aWV3c2QCBQ9kFgICAQ8WAh8ABRxTYWZlZ3VhcmRpbmcgQ2hpbGRyZW4gQm9hcmRkZA==" />
</div>

<div id="cookiewarning">
	<p>Bedford Borough Council uses cookies to make this website simpler. <a href="/cookies.aspx">Find out more about cookies</a> <a href="#" id="cookieclose">Close</a></p>
</div>

<table id="wrapper" cellpadding="0" cellspacing="0" border="0" width="100%">
<tr>
	<td id="header" colspan="3">
		<table width="100%" cellpadding="0" cellspacing="0" border="0">
		<tr>
			<td class="logo"><a href="/default.aspx"><img src="/images/layout/bbc_logo.gif" alt="Bedford Borough Council" width="231" height="81" border="0" /></a></td>
			<td class="welcome"><h2>Welcome to Bedford Borough Council</h2></td>
			<td class="search">
				<label for="ctl00_txtSearch" class="hidden">Search</label>
				<input name="ctl00$txtSearch" type="text" value="Search this site" id="ctl00_txtSearch" class="searchbox" />
				<input type="image" name="ctl00$btnSearch" id="ctl00_btnSearch" src="/images/layout/go.gif" alt="Go" />
			</td>
		</tr>
		</table>
		<ul id="toplinks">
			<li><a href="/default.aspx">Home</a></li>
			<li><a href="/council_and_democracy.aspx">Council and Democracy</a></li>
			<li><a href="/news.aspx">News</a></li>
			<li><a href="/contact_us.aspx">Contact us</a></li>
			<li><a href="/accessibility.aspx">Accessibility</a></li>
		</ul>
	</td>
</tr>
<tr>
	<td id="azbar" colspan="3">
		&nbsp;
		<strong>Our Services A - Z :</strong>
		<a href="/a_to_z.aspx?letter=A">A</a> <a href="/a_to_z.aspx?letter=B">B</a> <a href="/a_to_z.aspx?letter=C">C</a> <a href="/a_to_z.aspx?letter=D">D</a> <a href="/a_to_z.aspx?letter=E">E</a> <a href="/a_to_z.aspx?letter=F">F</a> <a href="/a_to_z.aspx?letter=G">G</a> <a href="/a_to_z.aspx?letter=H">H</a> <a href="/a_to_z.aspx?letter=I">I</a> <a href="/a_to_z.aspx?letter=J">J</a> <a href="/a_to_z.aspx?letter=K">K</a> <a href="/a_to_z.aspx?letter=L">L</a> <a href="/a_to_z.aspx?letter=M">M</a> <a href="/a_to_z.aspx?letter=N">N</a> <a href="/a_to_z.aspx?letter=O">O</a> <a href="/a_to_z.aspx?letter=P">P</a> <a href="/a_to_z.aspx?letter=Q">Q</a> <a href="/a_to_z.aspx?letter=R">R</a> <a href="/a_to_z.aspx?letter=S">S</a> <a href="/a_to_z.aspx?letter=T">T</a> <a href="/a_to_z.aspx?letter=U">U</a> <a href="/a_to_z.aspx?letter=V">V</a> <a href="/a_to_z.aspx?letter=W">W</a> <a href="/a_to_z.aspx?letter=X">X</a> <a href="/a_to_z.aspx?letter=Y">Y</a> <a href="/a_to_z.aspx?letter=Z">Z</a>
		&nbsp;
	</td>
</tr>
<tr>
	<td id="breadcrumb" colspan="3">
		<span id="ctl00_SiteMapPath1"><a href="/default.aspx">Home</a> &gt; <a href="/health_and_social_care.aspx">Health and Social Care</a> &gt; <a href="/health_and_social_care/children__young_people.aspx">Children &amp; Young People</a> &gt; <a href="/health_and_social_care/children__young_people/safeguarding_children_board.aspx">Safeguarding Children Board</a> &gt; <span class="current">Serious Case Reviews</span></span>
	</td>
</tr>
<tr>
	<td id="leftnav" valign="top" width="190">
		<h3><a href="/health_and_social_care/children__young_people/safeguarding_children_board.aspx">Safeguarding Children Board</a></h3>
		<ul>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/about_the_board.aspx">About the Board</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/board_members.aspx">Board Members</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/policies_and_procedures.aspx">Policies and Procedures</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/multi-agency_training.aspx">Multi-agency Training</a></li>
			<li class="selected"><a href="/health_and_social_care/children__young_people/safeguarding_children_board/serious_case_reviews.aspx">Serious Case Reviews</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/child_sexual_exploitation.aspx">Child Sexual Exploitation</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/private_fostering.aspx">Private Fostering</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/e-safety.aspx">E-Safety</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/annual_report.aspx">Annual Report</a></li>
			<li><a href="/health_and_social_care/children__young_people/safeguarding_children_board/contact_the_board.aspx">Contact the Board</a></li>
		</ul>
		<div class="leftbox">
			<h4>Worried about a child?</h4>
			<p>Call the Children's Services Referral and Assessment team on 01234 718700 or out of hours on 0300 300 8123.</p>
		</div>
	</td>
	<td id="maincontent" valign="top">
		<h1 class="pagetitle">Serious Case Reviews</h1>

		<div id="ctl00_ContentPlaceHolder1_pnlContent" class="content">
<h2>Serious Case Reviews</h2>
<p>Professionals and organisations protecting children need to reflect on the quality of their services and learn from their own practice and that of others. Good practice should be shared so that there is a growing understanding of what works well. Conversely, when things go wrong there needs to be a rigorous, objective analysis of what happened and why, so that important lessons can be learnt and services improved to reduce the risk of future harm to children.</p>
<p>These processes should be transparent, with findings of reviews shared publicly. The findings are not only important for the professionals involved locally in cases. Everyone across the country has an interest in understanding both what works well and also why things can go wrong.</p>
<p>The different types of review include:</p>
<ul>
	<li>Serious Case Review for every case where abuse or neglect is known or suspected and either:</li>
	<li>a child or young person dies; or&nbsp;&nbsp;&nbsp;</li>
	<li>a child or young person is seriously harmed and there are concerns about how organisations or professionals worked together to safeguard the child or young person;</li>
	<li>child death review, a review of all child deaths up to the age of 18;</li>
	<li>review of a child protection incident which falls below the threshold for an SCR; and</li>
	<li>review or audit of practice in one or more agencies</li>
</ul>
<p>&nbsp;</p>
<h3>What is a Serious Case Review?</h3>
<p>In a very small proportion of cases when a child or young person is seriously injured or dies and abuse or neglect is known or suspected to be a factor an independent panel of experts are commissioned to carry out a Serious Case Review. The purpose of Serious Case Reviews is to:</p>
<ul>
	<li>Establish what lessons are to be learned from the case about the way in which local professionals and organisations work individually and together to safeguard and promote the welfare of children;</li>
	<li>Identify clearly what those lessons are both within and between agencies, how and within what timescales they will be acted on, and what is expected to change as a result; and</li>
	<li>Improve intra- and inter-agency working and better safeguard and promote the welfare of children.</li>
</ul>
<p>&nbsp;</p>
<p>Serious Case Reviews are not inquiries into how a child died or was seriously harmed, or into who is culpable. These are matters for coroners and criminal courts, respectively, to determine as appropriate. Serious Case Reviews focus on improving practices that safeguard and promote the welfare of children.</p>
<p>&nbsp;</p>
<h3>Significant Incident</h3>
<p>Submission of this form should only be by your agency's BBSCB Liaison Officer (SLO), where they consider there is an inter or intra-agency learning opportunity; or where there is likely to be media interest in a case. BBSCB will use this form to consider whether there is a need for:</p>
<ul>
	<li>Agency Individual Management Reviews</li>
	<li>Small Scale Audit e.g. Significant Incident Learning Process</li>
	<li>Serious Case Review</li>
	<li>Other action to promote learning and good practice.</li>
</ul>
<p>&nbsp;</p>
<p><a href="/images/bbscb/Significant_Incident_Notification_Form_BBSCB.docx" title="Significant Incident Notification Form (Word document)">Click here for the Significant Incident Notification Form to BBSCB</a></p>
<p>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </p>
<h3>Working Together 2015</h3>
<p><a href="https://www.gov.uk/government/publications/working-together-to-safeguard-children--2" target="_blank">(Working Together to Safeguard Children - A guide to inter-agency working to safeguard and promote the welfare of children 2015)</a></p>
<p>&nbsp;</p>
<h3>National SCRs</h3>
<p>The attached <a href="/images/bbscb/Learning_from_National_SCRs_Presentation.pptx">power point presentation</a> is for agencies to discuss within their teams and outlines the learning from 3 recent national serious case reviews in respect of</p>
<table class="plain" cellpadding="2" cellspacing="0" border="0">
	<tr><td>Daniel Pelka&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</td></tr>
	<tr><td>Keanu Williams&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;</td></tr>
	<tr><td>Hamzah Khan</td></tr>
</table>
<p>(Presenters will need to print off the pages as 'notes pages' so that they have access to the trainer notes which assist in the delivery of the slides).</p>
<p>&nbsp;</p>
<p>All Serious Case Reviews can be found on the NSPCC website by <a href="https://www.nspcc.org.uk/preventing-abuse/child-protection-system/case-reviews/" target="_blank">clicking here</a></p>
<p>To access each report please click on the name of the child to open the report.</p>
<table class="plain" cellpadding="2" cellspacing="0" border="0">
	<tr><td><a href="http://www.haringeylscb.org/sites/haringeylscb/files/second_serious_case_overview_report_relating_to_peter_connelly_dated_march_2009.pdf" target="_blank">Baby Peter</a></td></tr>
	<tr><td><a href="http://www.coventrylscb.org.uk/files/SCR/FINAL%20Overview%20Report%20DP%20130913%20Publication%20version.pdf" target="_blank">Daniel Pelka</a></td></tr>
	<tr><td><a href="http://www.bradford-scb.org.uk/scr/hamzah_khan_scr/SCR_Hamzah_Khan_Overview_Report.pdf" target="_blank">Hamzah Khan</a></td></tr>
	<tr><td><a href="http://www.lscbbirmingham.org.uk/images/stories/downloads/executive-summaries/Case_25_Final_Overview_Report_02.04.13.pdf" target="_blank">Keanu Williams</a></td></tr>
	<tr><td><a href="https://www.gov.uk/government/publications/the-victoria-climbie-inquiry-report-of-an-inquiry-by-lord-laming" target="_blank">Victoria Climbie</a></td></tr>
	<tr><td><a href="http://www.rbscb.org/UserFiles/Docs/Overview_Report_YP1-6_Final.pdf" target="_blank">Rochdale SCR on young people 1,2,3,4,5 and 6</a></td></tr>
	<tr><td><a href="http://www.rbscb.org/UserFiles/Docs/Overview_Report_YP7_Final.pdf" target="_blank">Rochdale SCR on young person 7</a></td></tr>
	<tr><td><a href="http://sscb.safeguardingsomerset.org.uk/wp-content/uploads/SCR-Sexual-Abuse-of-Children-in-a-Somerset-First-School.pdf" target="_blank">Somerset SCR - Sexual Abuse of children in a Somerset First School</a></td></tr>
	<tr><td><a href="http://sscb.safeguardingsomerset.org.uk/wp-content/uploads/Briefing-Paper-Background-to-the-Sexual-Abuse-of-Children-in-a-Somerset-First-School.pdf" target="_blank">Briefing Paper - Background to the Sexual Abuse of Children in a Somerset First School</a></td></tr>
</table>
<p>&nbsp;</p>
<p>The NSPCC's Knowledge and Information Service has published a briefing for GPs and primary healthcare teams summarising learning for improved practice taken from recently published serious case reviews.</p>
<p>More information can be found on the <a href="https://www.nspcc.org.uk/preventing-abuse/child-protection-system/case-reviews/learning/gps-primary-health-care-teams/" target="_blank">NSPCC website</a></p>
<p>&nbsp;</p>
<p>The Serious Case Review (SCR) Panel has published a report detailing its work in the second year of operation. It makes a number of recommendations including: LSCB chairs should appoint SCR reviewers with strong analytical skills who have the ability to produce a clear, succinct account of what happened and why and what needs to change to prevent it happening again.</p>
<p>Department for Education 10 November 2015</p>
<p><a href="https://www.gov.uk/government/uploads/system/uploads/attachment_data/file/476707/Second_report_of_the_national_panel_of_independent_experts_on_serious_case_reviews.pdf" target="_blank">Second report of the national panel of independent experts on serious case reviews (PDF)</a></p>
<p>&nbsp;</p>
<h3>Serious Case Reviews around Child Sexual Exploitation</h3>
<p><a href="http://www.bristolsafeguarding.org/media/6009/operation-brooke-scr-overview-report-march-2016.pdf" target="_blank">Operation Brooke Serious Case Review - March 2016</a></p>
<p>&nbsp;</p>
<p>Derby - to see the Executive summary of this case please <a href="http://www.derbyscb.org.uk/docs/Derby_CSE_SCR_Executive_Summary.pdf" target="_blank">click here</a>.</p>
<p>Rochdale - For the document <a href="http://www.rbscb.org/UserFiles/Docs/Review_of_Multi-Agency_Responses_to_the_Sexual_Exploitation_of_Children_Sept_2012.pdf" target="_blank">click here</a></p>
<p>Rotherham Inquiry - <a href="http://www.rotherham.gov.uk/downloads/file/1407/independent_inquiry_cse_in_rotherham" target="_blank">click here</a> to see the document</p>
<p>Oxford – <a href="http://www.oscb.org.uk/wp-content/uploads/SCR-into-CSE-in-Oxfordshire-FINAL-FOR-WEBSITE.pdf" target="_blank">click here</a> to see full document</p>
<p>&nbsp;</p>
<h3>Local SCRs</h3>
<h4>Serious Case Review - Patrick - and Thematic Review - Published on the 23rd May 2016</h4>
<p>Please find attached a Serious Case Review in respect of Patrick whose death was a shock to all the professionals involved in his life. Whilst the review did not conclude that his death could have been prevented or predicted, there are factors identified in this case which mirror findings in other Serious Case Reviews of disabled children and young people and Patrick’s review suggests that disabled and young people in Bedford Borough may not be afforded the level of scrutiny and investigation that their conditions require when indicators of abuse and neglect are present. <a href="/images/bbscb/SCR_Patrick_Overview_Report_May_2016.pdf" target="_blank">Click here for the Patrick report.</a>. There are three key areas where the Board will be looking at improvement and holding partners to account. <a href="/images/bbscb/SCR_Patrick_Practitioner_Briefing_May_2016.pdf" target="_blank">Click here for the Practitioner briefing for this case.</a></p>
<p>Alongside the publication of Patricks SCR is an independently-led Thematic Serious Case Review which underpins a need for staff working with disabled and young people to be ever vigilant and open to the concept that they may be suffering harm either through omission or through neglect, and found that there was evidence of both overlaps and gaps, as well as parental and/or practitioner confusion, in terms of agencies’ roles and responsibilities. <a href="/images/bbscb/Thematic_SCR_Disabled_Children_May_2016.pdf" target="_blank">Click on this link for the Thematic Review.</a> Also attached is a Practitioner Briefing for this Thematic SCR for dissemination to all staff. In summary, the Bedford Borough Safeguarding Children Board has learnt a lot about the quality of current practice and the support offered to disabled children, young people and their families. There are three key areas where the Board will be looking at improvement and holding partners to account. <a href="/images/bbscb/Thematic_SCR_Practitioner_Briefing_May_2016.pdf" target="_blank">Click here for the Practitioner briefing.</a></p>
<ol>
	<li>That all agencies providing services to disabled adults, children and their families must work more closely together.</li>
	<li>That frontline practitioners recognise the signs and symptoms of neglect including the neglect of older disabled young people and understand their daily lived experiences</li>
	<li>Safeguarding and child protection is promoted to practitioners as being 'everyone's responsibility' and that this is particular the case where they are working with children or with adults in the family.</li>
</ol>
<p>The Board’s Serious Incident Review Group will monitor the improvement plans for both these SCRs and details of a Learning event and further resources will follow.</p>
<p>&nbsp;</p>
<h4>Serious Case Review - Published the 11th May 2016</h4>
<p>Hertfordshire Local Safeguarding Children’s Board published the Serious Case Review (SCR) into 4 year old girl known as Sophie, who died at the hands of her father in March 2014. Prior to her moving in with her father in December 2013 she was a looked after child in Bedford until court proceedings determined that she should live with her father. He was convicted of her murder in May 2015, sentenced to life imprisonment and ordered to remain in prison for 21 years before being considered for release.</p>
<p><a href="https://www.hertfordshire.gov.uk/media-library/documents/childrens-services/hscb/serious-case-reviews/scr-sophie-overview-report-may-2016.pdf" target="_blank">View the Hertfordshire Safeguarding Children Board Serious Case Review report "Sophie."</a></p>
<p>&nbsp;</p>
<h3>Other Local Serious Case Reviews</h3>
<p><a href="/images/bbscb/Child_A1301_Full_Report.pdf" target="_blank">Child A1301 Full Report</a></p>
<p><a href="/images/bbscb/Child_J_Executive_Summary.pdf" target="_blank">Child J Executive Summary</a></p>
<p><a href="/images/bbscb/Summary_of_Lessons_Learnt_from_Child_J_SCR.pdf" target="_blank">Summary of Lessons Learnt from Child J SCR</a></p>
<p><a href="/images/bbscb/DL_Executive_Summary.pdf" target="_blank">DL Executive Summary</a></p>
<p>&nbsp;</p>
		</div>
	</td>
	<td id="rightcol" valign="top" width="210">
		<div class="newsbox">
			<h3>News</h3>
			<h4>Disrespect NoBody campaign</h4>
			<p>The second phase of the Home Office Disrespect Nobody campaign will run from 2 February until the end of March 2017.</p>
			<p>The aim of the Disrespect NoBody campaign is to prevent young people, both boys and girls aged 12 to 18 years old from becoming perpetrators and victims of abusive relationships.</p>
			<p>For 2017 the focus of the campaign will be consent and sexting, which are both issues where many young people need more education and information. The campaign advertising directs young people to the website www.disrespectnobody.co.uk where they can get further information and signposts them to organisations who can provide support.</p>
			<p>Please click on the link below to download the partner brief and campaign materials.<br />
			<a href="https://s3-eu-west-1.amazonaws.com/assets.smartcdn.co.uk/docs/Campaign_materials_for_Disrespect_NoBody_2017.pdf.pdf" target="_blank">https://s3-eu-west-1.amazonaws.com/assets.<br />
smartcdn.co.uk/docs/Campaign_materials_for_<br />
Disrespect_NoBody_2017.pdf.pdf</a></p>
			<p><a href="http://www.disrespectnobody.co.uk/" target="_blank">Click here to go to their website</a></p>
		</div>
	</td>
</tr>
<tr>
	<td id="footer" colspan="3">
		<ul>
			<li><a href="/accessibility.aspx">Accessibility</a></li>
			<li><a href="/privacy_notice.aspx">Privacy notice</a></li>
			<li><a href="/cookies.aspx">Cookies</a></li>
			<li><a href="/terms_and_conditions.aspx">Terms and conditions</a></li>
			<li><a href="/contact_us.aspx">Contact us</a></li>
		</ul>
		<p>Bedford Borough Council, Borough Hall, Cauldwell Street, Bedford, MK42 9AP. Telephone: 01234 267422</p>
		<p>&copy; Bedford Borough Council 2017</p>
	</td>
</tr>
</table>
</form>
</body>
</html>
