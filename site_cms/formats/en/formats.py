# English dates in British order to match the site's European audience: "10 Nov. 2020 at 13:48".
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = r"j N Y \a\t H:i"
SHORT_DATETIME_FORMAT = r"d/m/Y H:i"
TIME_FORMAT = "H:i"
