"""English spellings of first names and their cross-language group.

See ``newsgraph.lang.uk.names``. Only spellings whose phonetic key differs
from the Slavic group need a row (Alexander, Sergei, Yevhen, Eugene).
"""
from __future__ import annotations

FIRST_NAMES: dict[str, str] = {
    "Kyrylo": "kirill", "Kirill": "kirill", "Oleksandr": "aleksandr", "Alexander": "aleksandr",
    "Aleksandr": "aleksandr", "Alexandr": "aleksandr", "Volodymyr": "vladimir", "Vladimir": "vladimir",
    "Serhiy": "sergey", "Serhii": "sergey", "Sergei": "sergey", "Sergey": "sergey", "Andriy": "andrey",
    "Andrii": "andrey", "Andrei": "andrey", "Andrey": "andrey", "Oleksiy": "aleksey", "Oleksii": "aleksey",
    "Alexei": "aleksey", "Alexey": "aleksey", "Dmytro": "dmitry", "Dmitry": "dmitry", "Dmitri": "dmitry",
    "Mykola": "nikolay", "Nikolai": "nikolay", "Petro": "pyotr", "Pyotr": "pyotr", "Pavlo": "pavel",
    "Pavel": "pavel", "Yuriy": "yury", "Yurii": "yury", "Yuri": "yury", "Vitaliy": "vitaly",
    "Vitalii": "vitaly", "Vitaly": "vitaly", "Olena": "elena", "Yelena": "elena", "Elena": "elena",
    "Hanna": "anna", "Anna": "anna", "Nataliya": "natalya", "Natalia": "natalya", "Mykhailo": "mikhail",
    "Mikhail": "mikhail", "Illia": "ilya", "Ilya": "ilya", "Hryhoriy": "grigory", "Grigory": "grigory",
    "Fedir": "fyodor", "Fyodor": "fyodor", "Ivan": "ivan", "Vasyl": "vasily", "Vasily": "vasily",
    "Yevhen": "evgeny", "Yevgeny": "evgeny", "Evgeny": "evgeny", "Ihor": "igor", "Igor": "igor",
    "Denys": "denis", "Maksym": "maksim", "Maxim": "maksim", "Heorhiy": "georgy", "Georgy": "georgy",
    "Danylo": "daniil", "Kostiantyn": "konstantin", "Konstantin": "konstantin", "Yaroslav": "yaroslav",
    "Yulia": "yulia", "Yuliia": "yulia", "Iryna": "irina", "Irina": "irina", "Tetiana": "tatyana",
    "Tatiana": "tatyana", "Kateryna": "ekaterina", "Yekaterina": "ekaterina", "Svitlana": "svetlana",
    "Svetlana": "svetlana", "Nadiya": "nadezhda", "Nadezhda": "nadezhda", "Mark": "mark",
    "Joe": "joe", "Joseph": "joe", "Donald": "donald", "Emmanuel": "emmanuel", "Ursula": "ursula",
    "Jens": "jens", "Antony": "antony", "Anthony": "antony", "Jake": "jake", "Lloyd": "lloyd",
    "Kamala": "kamala", "Keir": "keir", "Rishi": "rishi", "Boris": "boris", "Elon": "elon",
    "Giorgia": "giorgia", "Recep": "recep", "Benjamin": "benjamin", "Xi": "xi",
    "Friedrich": "friedrich", "Frank-Walter": "frank-walter", "Annalena": "annalena",
    "Josep": "josep", "Kaja": "kaja", "António": "antonio", "Antonio": "antonio",
}
#: conjunctions that join the last two items of a list ("France, Germany and Poland").
AND_WORDS = ("and",)
