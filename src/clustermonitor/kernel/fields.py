"""The money column every app stores amounts in: euros with cents, 13 digits before them."""

MONEY = {"max_digits": 15, "decimal_places": 2}
