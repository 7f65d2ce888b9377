"""Site furniture of Persian news pages, as data.

The extractor's rules are generic; what differs between outlets is mostly
the words on their furniture («مطالب مرتبط», «زمان مطالعه: ۴ دقیقه», «کد خبر»)
and the class names of their boxes. Everything of that kind lives here, so a
new outlet usually needs an entry in a tuple and no code.

Label strings are compared after :func:`khabar.extract.text.fold` (ZWNJ and
spacing removed, Arabic letter forms and digits unified), so one entry covers
«برچسب‌ها», «برچسب ها» and «برچسبها».
"""

from __future__ import annotations

from dataclasses import dataclass

# --- box headings -----------------------------------------------------------------

RELATED_LABELS: tuple[str, ...] = (
    "مرتبط", "مطالب مرتبط", "اخبار مرتبط", "خبرهای مرتبط", "بیشتر بخوانید", "بیشتر بخوانید:",
    "پیشنهاد مطالعه", "مطلب مرتبط", "خبر مرتبط", "بخوانید", "همچنین بخوانید", "در همین زمینه",
    "گزارش های مرتبط", "یادداشت های مرتبط", "مقالات مرتبط", "پیوندها", "مطالب پیشنهادی", "بیشتر بدانید",
)

EXPLORE_LABELS: tuple[str, ...] = (
    "اکسپلور", "پربازدیدترین ها", "پربازدیدترین", "پربازدید", "پربازدیدها", "پربحث ترین ها",
    "آخرین اخبار", "آخرین خبرها", "تازه ترین ها", "تازه ترین اخبار", "سایر اخبار", "اخبار برگزیده",
    "پرخواننده ترین ها", "پرخواننده ها", "داغ ترین ها", "خبرهای داغ", "اخبار داغ", "پیشنهاد سردبیر",
    "انتخاب سردبیر", "گزیده اخبار", "منتخب", "سایر اخبار مهم", "آخرین مطالب", "پربیننده ترین ها",
    "مهم ترین اخبار", "اخبار مهم", "پرطرفدارترین ها", "محبوب ترین ها", "از سراسر وب", "مطالب جالب",
    "پیشنهاد ما", "ویژه", "تیترهای امروز", "خواندنی ها", "آخرین مطالب سیاست", "آخرین ویدئوها",
)

# A short heading that ends with one of these is a related box («یادداشت‌های مرتبط»),
# one that starts with one of the explore prefixes a list of other headlines.
RELATED_SUFFIXES: tuple[str, ...] = ("مرتبط", "مرتبط:", "در همین زمینه", "بیشتر بخوانید", "مشابه")
EXPLORE_PREFIXES: tuple[str, ...] = (
    "پربازدید", "پربیننده", "پرخواننده", "پربحث", "آخرین خبر", "آخرین اخبار", "آخرین مطالب", "تازه ترین",
    "داغ ترین", "محبوب ترین", "اخبار داغ", "سایر اخبار", "اخبار برگزیده", "برگزیده", "منتخب", "پیشنهاد سردبیر",
    "پرطرفدار", "مهم ترین", "اکسپلور", "جدیدترین مطالب", "جدیدترین اخبار", "جدیدترین خبرها",
    "جدیدترین ها", "تازه ها", "گزیده", "پیشنهادی", "مطالب پیشنهادی", "پربیننده", "سایر خبرها", "دیگر خبرها",
    "اخبار روز", "خبرهای روز", "پرمخاطب", "بیشترین بازدید", "بیشتر خوانده شده", "پربحث",
)

TAG_LABELS: tuple[str, ...] = (
    "برچسب ها", "برچسب ها:", "برچسب", "تگ ها", "کلیدواژه ها", "کلید واژه ها", "کلمات کلیدی", "واژه های کلیدی",
    "تگ", "برچسب های خبر", "برچسب های مطلب",
    "موضوعات", "موضوعات مرتبط", "هشتگ ها",
)

# Whole-line furniture: a line or block that equals (after folding) one of
# these, or starts with one of the prefixes, is chrome wherever it appears.
CHROME_LINES: tuple[str, ...] = (
    "اشتراک گذاری", "اشتراک", "به اشتراک بگذارید", "اشتراک در", "انتهای پیام", "انتهای خبر",
    "ارسال نظر", "نظر شما", "نظرات", "دیدگاه ها", "دیدگاه", "ثبت نظر", "ارسال", "پاسخ", "چاپ",
    "ذخیره", "نسخه چاپی", "لینک کوتاه", "کپی لینک", "کپی شد", "خبرنامه", "عضویت در خبرنامه",
    "عضویت", "اشتراک خبرنامه", "تبلیغات", "آگهی", "صفحه اصلی", "خانه", "بازگشت", "بالا",
    "منو", "جستجو", "ورود", "ثبت نام", "تماس با ما", "درباره ما", "آرشیو", "ویدئو", "عکس",
    "گالری", "پادکست", "دانلود", "بیشتر", "همه", "مشاهده همه", "نمایش بیشتر", "ادامه مطلب",
    "تلگرام", "توییتر", "واتساپ", "فیسبوک", "لینکدین", "اینستاگرام", "ایتا", "بله", "روبیکا",
    "آپارات", "گوگل پلاس", "ایمیل", "پرینت", "کپی", "گزارش خطا", "شما در حال پاسخ به نظر",
    "درج نظر الزامی", "منتشر شده", "در انتظار بررسی", "غیر قابل انتشار", "تکراری",
    "جدیدترین", "قدیمی ترین", "پربحث ترین", "نام", "ایمیل", "متن نظر", "ارسال دیدگاه",
        "پرش به محتوا", "رفتن به محتوا", "rss", "تبلیغات", "حریم خصوصی", "شرایط استفاده", "قوانین",
        "درباره نویسنده", "درباره نویسندگان", "کپی پیوند", "پخش زنده",
)

CHROME_PREFIXES: tuple[str, ...] = (
    "کد خبر", "کدخبر", "شناسه خبر", "شناسه مطلب", "کد مطلب", "کد خبرنگار", "انتهای پیام",
    "انتهای خبر", "©", "(c)", "کلیه حقوق", "تمامی حقوق", "همه حقوق", "کلیه ی حقوق", "استفاده از مطالب",
    "نقل مطالب", "لینک کوتاه", "تعداد بازدید", "بازدید:", "تعداد نظرات", "نظرات کاربران",
    "آدرس کوتاه", "پیوند کوتاه", "برای دریافت", "عضو کانال", "به کانال", "ما را در", "ما را دنبال",
    "دنبال کنید", "تاریخ انتشار", "زمان انتشار", "آخرین بروزرسانی", "آخرین به روزرسانی",
    "اخبار مرتبط", "مطالب مرتبط", "برچسب ها", "بیشتر بخوانید", "ارسال نظر", "منبع:",
    "طراحی و توسعه", "طراحی و اجرا", "قدرت گرفته از", "تمام حقوق", "نظر خود را", "نظر شما",
    "پاسخ به", "هنوز نظری", "اشتراک گذاری:", "اشتراک در:", "عضویت در خبرنامه", "خبرنامه",
    "نشانی ایمیل", "ایمیل خود را", "ثبت نام در خبرنامه", "تبلیغ", "آگهی", "شماره خبر", "شماره مطلب",
    "تیتر یک:", "تازه ترین خبرها:", "فوری:", "خبر فوری:", "اشتراک گذاری:", "همه یادداشت های", "همه مطالب",
    "پایان خبر", "پایان پیام", "ارسال به دوستان", "نسخه قابل چاپ", "ارسال به دوست", "گزارش تخلف",
    "عکس:", "عکس از:", "عکاس:", "منبع تصویر", "توضیح تصویر", "ویدیو:", "فیلم:", "دانلود فیلم",
    "تاریخ نشر", "نشر شده", "زمان نشر", "منتشر شده:", "مدت زمان مطالعه", "زمان تقریبی مطالعه",
)

# Messenger and social network names as share buttons print them; a short line made mostly
# of these («تلگرام واتساپ ایتا», «بله، روبیکا، سروش») is a share row, whatever its wording.
MESSENGER_NAMES: tuple[str, ...] = (
    "تلگرام", "واتساپ", "واتس اپ", "ایتا", "بله", "روبیکا", "سروش", "سروش پلاس", "گپ", "آی گپ", "ویراستی",
    "توییتر", "توئیتر", "تویتر", "ایکس", "x", "لینکدین", "لینکداین", "فیسبوک", "فیس بوک", "اینستاگرام",
    "پینترست", "ردیت", "ایمیل", "پیامک", "کپی لینک", "لینک", "telegram", "whatsapp", "twitter", "facebook",
    "linkedin", "instagram", "email", "reddit", "pinterest", "eitaa", "bale", "rubika", "soroush", "threads",
)

# Share prompts written as a sentence («این مطلب را به اشتراک بگذارید:», «اشتراک در:»):
# a short line that contains one of these beside a messenger name is a share row; the first
# four mark a short line (no full stop) even without one (compared folded).
SHARE_PHRASES: tuple[str, ...] = (
    "به اشتراک بگذارید", "به اشتراک گذاشتن", "اشتراک در", "اشتراک گذاری", "اشتراک با", "هم رسانی",
    "همرسانی", "ارسال به", "share on", "share this", "share:", "به دوستان خود بفرستید", "بازنشر در",
)

# Whole-line furniture with a count or a code in it («نظرات (۳)», «دیدگاه‌ها: ۱۲»).
CHROME_LINE_PATTERNS: tuple[str, ...] = (
    r"^(?:نظرات|دیدگاه ?ها|کامنت ?ها|نظرات کاربران|نظرات خوانندگان|تعداد نظرات|بازدید)"
    r"\s*[:：]?\s*\(?[0-9۰-۹٠-٩]*\)?$",
    r"^(?:[0-9۰-۹٠-٩]+)\s*(?:نظر|دیدگاه|بازدید|بار دیده شده)$",
)

# Flattened-text bylines written over two lines: a label line, then the name
# («نویسنده،» / «نیلوفر حسینی»); a role label's next line is not a name.
BYLINE_LABEL_LINES: tuple[str, ...] = ("نویسنده،", "نویسنده:", "نویسنده", "گزارشگر،", "گزارشگر:", "به قلم")
ROLE_LABEL_LINES: tuple[str, ...] = ("نقش،", "نقش:", "سمت،", "سمت:")

# Words that make a meta «author» an organisation (the outlet), not a byline.
ORGANISATION_WORDS: tuple[str, ...] = (
    "group", "news", "agency", "media", "press", "team", "staff", "admin", "گروه", "خبرگزاری", "روزنامه",
    "سایت", "پایگاه", "رسانه", "شبکه", "مدیر سایت", "ادمین",
)

# First words of an author's one-line bio printed under the byline («نویسنده بخش …»).
BIO_STARTS: tuple[str, ...] = (
    "نویسنده", "خبرنگار", "روزنامه نگار", "پژوهشگر", "کارشناس", "دبیر", "عضو", "استاد", "مدرس", "مترجم",
)

# Words that, appearing as a token in an element's class or id, mark it as
# furniture (the body engine never descends into such elements).
CHROME_CLASS_TOKENS: tuple[str, ...] = (
    "related", "relate", "tags", "tag", "tagcloud", "keywords", "share", "sharing", "social", "comment",
    "comments", "respond", "reply", "newsletter", "subscribe", "advert", "ads", "ad", "adv", "banner",
    "sponsor", "promo", "sidebar", "aside", "widget", "popular", "mostviewed", "most", "latest",
    "trending", "explore", "breadcrumb", "breadcrumbs", "nav", "navbar", "menu", "footer", "header",
    "masthead", "print", "toolbar", "pagination", "pager", "author-box", "authorbox", "bio", "rating",
    "vote", "caption", "figcaption", "credit", "meta", "byline", "dateline", "date", "time", "kicker",
    "rutitr", "lead", "summary", "subtitle", "code", "newsid", "news-id", "shortlink", "short-link",
    "readmore", "read-more", "more", "see-also", "seealso", "suggest", "recommend", "recommended",
    "hidden", "visually-hidden", "sr-only", "modal", "cookie", "gdpr", "scoreboard-ad", "outbrain",
    "taboola", "yektanet", "najva", "mediaad", "box-links", "inline-related", "also-read",
    "pull-quote", "pullquote", "quote-card", "highlight-quote", "poll", "survey", "score",
    "review-score", "verdict-score", "stars",
)

# Labels before a section name («سرویس: علمی»), stripped.
SECTION_PREFIXES: tuple[str, ...] = ("سرویس:", "سرویس", "گروه:", "بخش:", "دسته:", "دسته بندی:", "موضوع:")

# Class or id tokens that mark the article's body container.
BODY_CLASS_TOKENS: tuple[str, ...] = (
    "articlebody", "article-body", "article_body", "articletext", "article-text", "article-content",
    "story-body", "story", "storybody", "entry-content", "post-content", "post-body", "news-body",
    "newsbody", "news-text", "newstext", "item-text", "item-body", "body-text", "bodytext", "main-news",
    "content-text", "text-body", "body", "news-content", "matn", "article__body", "article__content",
    "content", "entry", "text",
)

LEAD_CLASS_TOKENS: tuple[str, ...] = (
    "lead", "summary", "item-summary", "subtitle", "sub-title", "standfirst", "introtext", "intro",
    "teaser", "excerpt", "abstract", "lid", "lede", "description", "news-lead", "article-lead",
    "article__lead", "dek", "deck", "summery",
)

KICKER_CLASS_TOKENS: tuple[str, ...] = (
    "kicker", "rutitr", "rootitr", "roo-titr", "rotitr", "ro-titr", "uptitle", "up-title", "pretitle",
    "overtitle", "supertitle", "surtitle", "eyebrow", "upper-title", "title-up", "suptitle",
)

SECTION_CLASS_TOKENS: tuple[str, ...] = (
    "section", "category", "cat", "service", "section-label", "section-name", "category-name",
    "article-section", "service-name", "news-section", "label", "topic",
)

AUTHOR_CLASS_TOKENS: tuple[str, ...] = (
    "author", "authors", "byline", "writer", "author-name", "authorname", "reporter", "nevisande", "by",
    "post-author", "writers", "reporters",
)

# Path parts of an author's page: a link there is a byline even when no class says so.
AUTHOR_URL_PARTS: tuple[str, ...] = (
    "/author/", "/authors/", "/writer/", "/writers/", "/reporter/", "/profile/", "/columnist/", "/nevisande/",
    "/journalist/", "/by/",
)

CAPTION_CLASS_TOKENS: tuple[str, ...] = ("caption", "figcaption", "image-caption", "img-caption", "photo-caption")
CREDIT_CLASS_TOKENS: tuple[str, ...] = ("credit", "photo-credit", "image-credit", "copyright", "source")
DATE_CLASS_TOKENS: tuple[str, ...] = (
    "date", "time", "publish", "published", "publish-date", "publishdate", "news-date", "datetime",
    "dateline", "pub-date", "pubdate", "post-date", "entry-date", "news-time", "article-date",
)
UPDATED_CLASS_TOKENS: tuple[str, ...] = ("updated", "modified", "update", "lastupdate", "last-update")

# --- inline markers -----------------------------------------------------------------

# Labels that introduce a byline; stripped from the author's name.
AUTHOR_PREFIXES: tuple[str, ...] = (
    "نویسنده:", "نویسنده", "نویسندگان:", "به قلم:", "به قلم", "نوشته:", "نوشته", "گزارش:", "گزارشگر:",
    "خبرنگار:", "گزارش از", "مترجم:", "ترجمه:", "یادداشت از", "یادداشت:", "ستون نویس:", "by",
    "تحریریه:", "گردآوری:", "نوشته ی", "نویسندگان", "گزارشگران:", "خبرنگاران:", "نوشته شده توسط",
    "تهیه و تنظیم:", "تهیه کننده:", "written by",
)

# Byline labels that open a byline without a colon («نوشته … و …», «گزارش از …»).
AUTHOR_OPENERS: tuple[str, ...] = (
    "به قلم", "نوشته", "نوشته ی", "گزارش از", "یادداشت از", "نوشته شده توسط", "by", "written by",
)

# Where a byline row stops being names: a counter or a date label after the author
# («نام نویسنده ۱۱ عقرب ۱۴۰۴ بازدید: ۱۲۴۸»); digits and month names stop it too.
BYLINE_STOP_WORDS: tuple[str, ...] = (
    "بازدید", "بازدید:", "تعداد بازدید", "نظر", "نظرات", "دیدگاه", "تاریخ", "تاریخ:", "ساعت", "انتشار",
    "منتشر", "منتشرشده", "نشر", "زمان", "مدت", "مطالعه", "عکس", "عکس:", "منبع",
    "منبع:", "خواندن", "کد", "شناسه", "بروزرسانی", "views", "ago",
    "پیش", "امروز", "دیروز", "|", "-", "–", "—", "•", "·", "/", "⏱", "🕒",
)

# Labels that introduce a photo credit inside a caption.
CREDIT_MARKERS: tuple[str, ...] = (
    "عکس:", "عکس :", "عکاس:", "عکاس :", "عکس از", "عکس از:", "منبع عکس:", "منبع تصویر:", "تصویر:",
    "اعتبار عکس:", "photo:", "credit:", "image:", "منبع تصویر،", "منبع عکس،", "اعتبار تصویر،", "اعتبار عکس،",
    "عکس،", "©", "(c)", "photo by", "عکس ها:", "عکس ها از", "تصویر از", "عکس از،", "اعتبار عکس",
    "foto:", "عکاس،",
)

# Labels in front of a caption («توضیح تصویر، …»), stripped.
CAPTION_PREFIXES: tuple[str, ...] = ("توضیح تصویر،", "توضیح تصویر:", "توضیح عکس:", "زیرنویس:", "شرح عکس:")

# Reading-time phrases; {n} is the number (Persian, Arabic-Indic or Latin digits,
# or a Persian number word handled by the code).
READING_TIME_PATTERNS: tuple[str, ...] = (
    r"(?:زمان|مدت(?:\s*زمان)?)\s*(?:تقریبی\s*)?(?:مطالعه|خواندن)\s*[:：]?\s*(?P<n>\d+)\s*دقیقه",
    r"(?P<n>\d+)\s*دقیقه(?:\s*ای)?\s*(?:زمان\s*)?(?:خواندن|مطالعه|برای\s*(?:خواندن|مطالعه))",
    r"(?:خواندن|مطالعه)\s*(?:در|:)?\s*(?P<n>\d+)\s*دقیقه",
    r"(?P<n>\d+)\s*min(?:ute)?s?\s*read",
    r"[⏱⌚🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛⏰⏲\U0001F4D6\U0001F453]\ufe0f?\s*(?P<n>\d+)\s*(?:دقیقه|min)",
    r"(?:زمان|مدت)\s*(?:لازم\s*)?(?:برای\s*)?(?:مطالعه|خواندن)\s*(?:این\s*(?:مطلب|خبر|گزارش|یادداشت)\s*)?"
    r"[:：]?\s*(?P<n>\d+)\s*دقیقه",
    r"reading\s*time\s*[:：]?\s*(?P<n>\d+)",
)

# Number words in reading times («زمان مطالعه: پنج دقیقه»).
NUMBER_WORDS: tuple[tuple[str, int], ...] = (
    ("یک", 1), ("دو", 2), ("سه", 3), ("چهار", 4), ("پنج", 5), ("شش", 6), ("هفت", 7), ("هشت", 8), ("نه", 9),
    ("ده", 10), ("یازده", 11), ("دوازده", 12), ("سیزده", 13), ("چهارده", 14), ("پانزده", 15), ("بیست", 20),
    ("شانزده", 16), ("هفده", 17), ("هجده", 18), ("هیجده", 18), ("نوزده", 19), ("سی", 30), ("چهل", 40),
    ("پنجاه", 50),
)

# Words that make a short name an outlet («خبرنامه بندر - …» in a related link).
OUTLET_WORDS: tuple[str, ...] = (
    "خبرگزاری", "روزنامه", "هفته نامه", "ماهنامه", "خبرنامه", "رادیو", "تلویزیون", "شبکه", "پایگاه", "سایت",
    "مجله", "نشریه", "دیده بان", "صدای", "news", "agency", "times", "press",
)

# A breadcrumb's first item, never the section.
HOME_LABELS: tuple[str, ...] = ("خانه", "صفحه اصلی", "صفحه نخست", "اصلی", "home", "خبرگزاری", "سرویس")

# Title separators between headline and site name in <title>/og:title.
TITLE_SEPARATORS: tuple[str, ...] = (" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " / ", "|", " ـ ")

# Month names recognised in date lines (flattened text). Folded forms.
MONTHS: tuple[str, ...] = (
    "فروردین", "اردیبهشت", "خرداد", "تیر", "مرداد", "شهریور", "مهر", "آبان", "آذر", "دی", "بهمن",
    "اسفند", "ژانویه", "فوریه", "مارس", "آوریل", "مه", "می", "ژوئن", "ژوئیه", "جولای", "اوت", "آگوست",
    "سپتامبر", "اکتبر", "نوامبر", "دسامبر", "محرم", "صفر", "ربیع الاول", "ربیع الثانی", "ربیع الآخر",
    "جمادی الاول", "جمادی الاولی", "جمادی الثانی", "جمادی الآخر", "رجب", "شعبان", "رمضان", "شوال",
    "ذی القعده", "ذی الحجه", "ذیقعده", "ذیحجه", "حمل", "ثور", "جوزا", "سرطان", "اسد", "سنبله",
    "میزان", "عقرب", "قوس", "جدی", "دلو", "حوت", "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)

WEEKDAYS: tuple[str, ...] = ("شنبه", "یکشنبه", "دوشنبه", "سه شنبه", "چهارشنبه", "پنجشنبه", "جمعه", "آدینه")

# Date-line prefixes («تاریخ انتشار: …»); stripped before the date is kept as printed.
DATE_PREFIXES: tuple[str, ...] = (
    "تاریخ انتشار:", "تاریخ انتشار", "زمان انتشار:", "انتشار:", "منتشر شده در", "منتشرشده در",
    "تاریخ:", "تاریخ", "به روز شده:", "آخرین بروزرسانی:", "بروزرسانی:", "انتشار", "published:", "updated:",
    "تاریخ نشر:", "تاریخ نشر", "نشر شده:", "نشر شده", "نشرشده:", "زمان نشر:", "نشر:", "منتشر شده:",
    "منتشرشده:", "تاریخ خبر:", "تاریخ ثبت:", "تاریخ مخابره:", "زمان:", "date:",
)
UPDATED_PREFIXES: tuple[str, ...] = (
    "به روز شده", "به روزرسانی", "بروزرسانی", "آخرین بروزرسانی", "آخرین به روزرسانی", "ویرایش", "updated",
)

# Source labels («منبع: …») in flattened text; the outlet name follows.
SOURCE_PREFIXES: tuple[str, ...] = ("منبع:", "منبع :", "به نقل از")

# JSON-LD @type values that are an article.
ARTICLE_TYPES: tuple[str, ...] = (
    "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report",
    "ScholarlyArticle", "TechArticle", "SocialMediaPosting", "WebPage", "Blog",
)


@dataclass(frozen=True)
class SiteProfile:
    """Declarative hints for one outlet, for what the generic rules miss.

    Each field is a CSS selector (lxml.cssselect syntax) or empty; an empty
    field leaves the generic rule in charge.
    """

    domain: str
    body: str = ""
    title: str = ""
    lead: str = ""
    kicker: str = ""
    section: str = ""
    drop: str = ""


# Outlets whose markup the generic rules get wrong. Empty by design: add an
# entry only when a layout defeats the generic rules and say why.
SITE_PROFILES: tuple[SiteProfile, ...] = ()
