# Dates as Vietnamese readers write them: 05/6/2023 (day padded, month not), 24-hour clock.
DATE_FORMAT = "d/n/Y"
SHORT_DATE_FORMAT = "d/n/Y"
DATETIME_FORMAT = "d/n/Y H:i"
SHORT_DATETIME_FORMAT = "d/n/Y H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "d/n"
YEAR_MONTH_FORMAT = "n/Y"
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
]
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
