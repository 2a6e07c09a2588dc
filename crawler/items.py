"""What spiders yield. Spiders only find and fill; pipelines normalise, validate and store."""

import scrapy


class ReviewItem(scrapy.Item):
    # Where it was seen
    source = scrapy.Field()  # registry id, "nspcc" or "govuk"
    source_kind = scrapy.Field()  # nspcc | govuk | partnership
    source_url = scrapy.Field()  # the page the review was listed on
    source_area = scrapy.Field()  # the publishing board's canonical area, if any
    source_nation = scrapy.Field()
    serves = scrapy.Field()  # children | adults
    # As the page words it
    title = scrapy.Field()
    seen_title = scrapy.Field()
    pseudonym = scrapy.Field()
    name = scrapy.Field()  # what the page calls the review, when it names no one ("Sibling Abuse")
    area_text = scrapy.Field()  # an area named by the entry itself ("2016 – Bristol – ...")
    type_text = scrapy.Field()  # words that say what kind of review it is
    published_text = scrapy.Field()
    # Fields a spider may fill directly when its source states them
    published = scrapy.Field()
    review_type = scrapy.Field()
    area = scrapy.Field()
    nation = scrapy.Field()
    author = scrapy.Field()
    status = scrapy.Field()
    summary = scrapy.Field()
    incident_date = scrapy.Field()
    themes = scrapy.Field()
    keywords = scrapy.Field()
    recommendations = scrapy.Field()
    background = scrapy.Field()
    response = scrapy.Field()
    model = scrapy.Field()
    documents = scrapy.Field()  # [{"url", "kind", "title"}]
    evidence = scrapy.Field()  # why the extractor kept it: score and features, or the adapter
    # Filled by the normalise pipeline
    name_key = scrapy.Field()
    area_code = scrapy.Field()
    area_codes = scrapy.Field()
    region = scrapy.Field()
    published_year = scrapy.Field()
    incident = scrapy.Field()
    age_text = scrapy.Field()
    age_band = scrapy.Field()
    sex = scrapy.Field()


class DocumentCheck(scrapy.Item):
    """The answer to a re-check of a stored document's URL: available, or gone (404/410)."""

    url = scrapy.Field()
    source = scrapy.Field()
    status = scrapy.Field()  # available | gone
    http_status = scrapy.Field()
