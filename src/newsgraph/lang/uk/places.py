"""Ukrainian words that make a street, square or avenue of the name after them.

"на вулиці Шевченка" names a street, not the poet; NER-UK annotates the whole
"вулиці Шевченка" as LOC. Every singular case form and the usual abbreviations;
no plurals: "на вулицях Харкова" are the city's streets, not a street.
"""

STREET_WORDS = (
    "вулиця", "вулиці", "вулицю", "вулицею", "вул.",
    "проспект", "проспекту", "проспекті", "проспектом", "просп.", "пр-т",
    "провулок", "провулку", "провулком", "пров.",
    "площа", "площі", "площу", "площею", "пл.",
    "бульвар", "бульвару", "бульварі", "бульваром", "бульв.", "б-р",
    "набережна", "набережної", "набережній", "набережну", "набережною",
    "шосе", "узвіз", "узвозі", "узвозу", "майдан", "майдані", "майдану",
)

#: prepositions after a street list's last name ("вул. Соборна в м. Фастів").
PLACE_PREPOSITIONS = ("в", "у", "на")

#: prepositions between a state body and the region it serves ("ДСНС України
#: в Житомирській області": one organisation).
OFFICE_PREPOSITIONS = ("в", "у")

#: words before a house number that belongs to the street before it ("вул. Промислова, буд. 29").
HOUSE_WORDS = ("буд.", "будинок", "б.")

#: words of measure after which "м." is metres, not a town ("67 кв. м.").
MEASURE_WORDS = ("кв.", "кв")

#: abbreviations and words that make a settlement of the capitalised name
#: after them ("с. Ясногородка", "смт Димер"). Lower case only: "М." is an
#: initial. "місто" is left out: cities are well known, and "очільник міста
#: Ігор Слюзар" names a man.
SETTLEMENT_WORDS = (
    "м.", "с.", "смт", "смт.", "сел.", "с-ще", "х.", "хут.",
    "село", "села", "селі", "селом", "селище", "селища", "селищі", "селищем",
)

#: lemmas of the natural features that capitalised adjectives before them name ("Фінська затока", "Чорного моря").
FEATURE_WORDS = ("море", "океан", "затока", "протока", "озеро", "лиман", "річка", "водосховище", "канал",
                 "острів", "півострів", "коса", "гора", "хребет", "пустеля", "бухта")

#: words after which adjectives name a region ("Криничанський р-н", "Донецька область").
REGION_WORDS = ("область", "області", "областю", "обл.", "район", "району", "районі", "районом",
                "р-н", "р-ну", "р-ні", "округ", "округу", "окрузі", "громада", "громади", "громаді")

#: plural words that, before a colon, announce a list of streets ("вулиць: Різдвяна, Героїв Сталінграда").
STREET_LIST_WORDS = ("вулиць", "вулиці", "вулицях", "вулицями", "вулицям", "провулків", "провулки", "адреси", "адресами", "адресах")

#: short forms of region words, which the knowledge base also accepts ("Донецька обл" for "Донецька область").
REGION_ABBREVIATIONS = {"область": ("обл", "обл.")}
