# French dates the way the site writes them: "10 nov. 2020 à 13:48".
# "N" is Django's abbreviated month in the press style ("nov.", "déc.", "mai").
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j N Y"
DATETIME_FORMAT = r"j N Y \à H:i"
SHORT_DATETIME_FORMAT = r"d/m/Y H:i"
TIME_FORMAT = "H:i"
