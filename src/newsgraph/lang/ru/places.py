"""Russian words that make a street, square or avenue of the name after them.

"на улице Ленина" names a street, not the man. Every singular case form and the
usual abbreviations; no plurals: "на улицах Харькова" are the city's streets.
"""

STREET_WORDS = (
    "улица", "улицы", "улице", "улицу", "улицей", "ул.",
    "проспект", "проспекта", "проспекте", "проспектом", "просп.", "пр-т",
    "переулок", "переулка", "переулке", "переулком", "пер.",
    "площадь", "площади", "площадью", "пл.",
    "бульвар", "бульвара", "бульваре", "бульваром", "бульв.",
    "набережная", "набережной", "набережную",
    "шоссе",
)

#: prepositions after a street list's last name ("ул. Мира в г. Сочи").
PLACE_PREPOSITIONS = ("в", "во", "на")

#: prepositions between a state body and the region it serves ("Управление ФСБ
#: по Московской области": one organisation).
OFFICE_PREPOSITIONS = ("в", "во", "по")

#: words before a house number that belongs to the street before it ("ул. Мира, д. 5").
HOUSE_WORDS = ("д.", "дом")

#: words of measure after which "м." is metres, not a town ("67 кв. м.").
MEASURE_WORDS = ("кв.", "кв")

#: abbreviations and words that make a settlement of the capitalised name
#: after them ("с. Петровка", "пгт Ильинка"). Lower case only: "Г." is an
#: initial. "город" is left out: cities are well known.
SETTLEMENT_WORDS = (
    "г.", "с.", "пгт", "пгт.", "пос.", "дер.", "д.", "х.", "хут.",
    "село", "села", "селе", "селом", "поселок", "поселка", "поселке", "посёлок", "посёлка", "посёлке",
    "деревня", "деревни", "деревне", "деревню",
)

#: lemmas of the natural features that capitalised adjectives before them name ("Финский залив", "Черного моря").
FEATURE_WORDS = ("море", "океан", "залив", "пролив", "озеро", "лиман", "река", "водохранилище", "канал",
                 "остров", "полуостров", "коса", "гора", "хребет", "пустыня", "бухта")

#: words after which adjectives name a region ("Криничанский р-н", "Донецкая область").
REGION_WORDS = ("область", "области", "областью", "обл.", "район", "района", "районе", "районом",
                "р-н", "р-на", "р-не", "округ", "округа", "округе", "край", "края", "крае")

#: plural words that, before a colon, announce a list of streets ("вулиць: Різдвяна, Героїв Сталінграда").
STREET_LIST_WORDS = ("улиц", "улицы", "улицах", "улицами", "улицам", "переулков", "переулки", "адреса", "адресам", "адресах")

#: short forms of region words, which the knowledge base also accepts ("Донецька обл" for "Донецька область").
REGION_ABBREVIATIONS = {"область": ("обл", "обл.")}
