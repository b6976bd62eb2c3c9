"""Countries for demo data: names, languages, towns with real coordinates and postal code shapes.

Postal patterns: "#" is a digit, "@" an upper-case letter, anything else is literal; "" means the
country has no postal codes in everyday use (Côte d'Ivoire, Cameroon).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Town:
    name: str
    region: str
    latitude: float
    longitude: float
    postal: str
    language: str = ""  # overrides the country's language (English-speaking Cameroon)


@dataclass(frozen=True)
class Country:
    code: str
    language: str
    weight: int  # share of demo people
    global_south: bool
    utc_offset_minutes: int
    women: tuple
    men: tuple
    families: tuple
    towns: tuple
    group_name: str  # "{town} group" in the local language


COUNTRIES = (
    Country(
        "GB", "en", 14, False, 0,
        women=("Olivia", "Amelia", "Isla", "Ava", "Emily", "Sophie", "Grace", "Chloe", "Hannah",
               "Priya", "Aisha", "Fatima", "Charlotte", "Lucy", "Megan", "Zara"),
        men=("Oliver", "George", "Harry", "Jack", "Noah", "Muhammad", "James", "Thomas", "Daniel",
             "Samuel", "Ravi", "Kwame", "William", "Callum", "Rhys", "Hamza"),
        families=("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
                  "Patel", "Khan", "Evans", "Thomas", "Roberts", "Walker", "Wright", "Hughes",
                  "Okafor", "Campbell", "Murphy", "Edwards", "Begum", "Mensah"),
        towns=(
            Town("London", "England", 51.5074, -0.1278, "E# #@@"),
            Town("London", "England", 51.5074, -0.1278, "SE## #@@"),
            Town("Manchester", "England", 53.4808, -2.2426, "M## #@@"),
            Town("Birmingham", "England", 52.4862, -1.8904, "B## #@@"),
            Town("Glasgow", "Scotland", 55.8642, -4.2518, "G## #@@"),
            Town("Cardiff", "Wales", 51.4816, -3.1791, "CF## #@@"),
            Town("Bristol", "England", 51.4545, -2.5879, "BS# #@@"),
            Town("Leeds", "England", 53.8008, -1.5491, "LS# #@@"),
            Town("Belfast", "Northern Ireland", 54.5973, -5.9301, "BT# #@@"),
        ),
        group_name="{town} group",
    ),
    Country(
        "IE", "en", 4, False, 0,
        women=("Aoife", "Saoirse", "Niamh", "Ciara", "Siobhán", "Róisín", "Emma", "Sarah",
               "Gráinne", "Orla", "Caoimhe", "Éabha"),
        men=("Seán", "Conor", "Cian", "Oisín", "Darragh", "Liam", "Patrick", "Eoin", "Ciarán",
             "Fionn", "Tadhg", "Rory"),
        families=("Murphy", "Kelly", "O'Sullivan", "Walsh", "Byrne", "Ryan", "O'Brien", "Doyle",
                  "McCarthy", "O'Connor", "Kennedy", "Lynch", "Gallagher", "Ní Bhriain"),
        towns=(
            Town("Dublin", "Leinster", 53.3498, -6.2603, "D0# @#@#"),
            Town("Cork", "Munster", 51.8985, -8.4756, "T12 @#@#"),
            Town("Galway", "Connacht", 53.2707, -9.0568, "H91 @#@#"),
            Town("Limerick", "Munster", 52.6638, -8.6267, "V94 @#@#"),
            Town("Waterford", "Munster", 52.2593, -7.1101, "X91 @#@#"),
        ),
        group_name="{town} group",
    ),
    Country(
        "FR", "fr", 12, False, 60,
        women=("Camille", "Léa", "Manon", "Chloé", "Inès", "Jade", "Louise", "Emma", "Sarah",
               "Yasmine", "Amélie", "Hélène", "Océane", "Nadia", "Aïcha", "Margaux"),
        men=("Lucas", "Hugo", "Louis", "Gabriel", "Théo", "Mathis", "Nathan", "Karim", "Mehdi",
             "Antoine", "Julien", "Étienne", "Yanis", "Rémi", "Bastien", "Moussa"),
        families=("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand",
                  "Leroy", "Moreau", "Lefèvre", "Benali", "Girard", "Fournier", "Mercier",
                  "Nguyen", "Rousseau", "Diallo", "Lambert", "Bonnet"),
        towns=(
            Town("Paris", "Île-de-France", 48.8566, 2.3522, "750##"),
            Town("Lyon", "Auvergne-Rhône-Alpes", 45.7640, 4.8357, "6900#"),
            Town("Marseille", "Provence-Alpes-Côte d'Azur", 43.2965, 5.3698, "130##"),
            Town("Toulouse", "Occitanie", 43.6047, 1.4442, "310##"),
            Town("Lille", "Hauts-de-France", 50.6292, 3.0573, "590##"),
            Town("Nantes", "Pays de la Loire", 47.2184, -1.5536, "440##"),
            Town("Strasbourg", "Grand Est", 48.5734, 7.7521, "670##"),
            Town("Bordeaux", "Nouvelle-Aquitaine", 44.8378, -0.5792, "330##"),
        ),
        group_name="Groupe de {town}",
    ),
    Country(
        "SN", "fr", 8, True, 0,
        women=("Aminata", "Fatou", "Awa", "Mariama", "Khady", "Ndeye", "Aïssatou", "Coumba",
               "Rokhaya", "Adama", "Sokhna", "Binta", "Astou", "Dieynaba"),
        men=("Mamadou", "Ibrahima", "Moussa", "Cheikh", "Abdoulaye", "Ousmane", "Modou", "Babacar",
             "Pape", "Amadou", "Alioune", "Serigne", "Lamine", "Malick"),
        families=("Diop", "Ndiaye", "Fall", "Sow", "Diallo", "Ba", "Faye", "Gueye", "Mbaye",
                  "Sarr", "Cissé", "Seck", "Niang", "Diouf", "Thiam", "Kane"),
        towns=(
            Town("Dakar", "Dakar", 14.7167, -17.4677, "1#0##"),
            Town("Pikine", "Dakar", 14.7549, -17.3985, "1#0##"),
            Town("Thiès", "Thiès", 14.7910, -16.9359, "21000"),
            Town("Saint-Louis", "Saint-Louis", 16.0179, -16.4896, "32000"),
            Town("Ziguinchor", "Ziguinchor", 12.5681, -16.2719, "27000"),
            Town("Kaolack", "Kaolack", 14.1652, -16.0758, "26000"),
            Town("Touba", "Diourbel", 14.8500, -15.8833, "23000"),
        ),
        group_name="Groupe de {town}",
    ),
    Country(
        "CI", "fr", 6, True, 0,
        women=("Aya", "Adjoua", "Affoué", "Akissi", "Amenan", "Fatoumata", "Mariam", "Awa",
               "Marie-Laure", "Estelle", "Grâce", "Nadège"),
        men=("Kouassi", "Kouadio", "Yao", "Konan", "Koffi", "Yves", "Serge", "Didier",
             "Souleymane", "Drissa", "Jean-Marc", "Arsène"),
        families=("Kouassi", "Koné", "Traoré", "Ouattara", "Yao", "Kouamé", "N'Guessan", "Bamba",
                  "Coulibaly", "Konan", "Touré", "Diabaté", "Gnahoré", "Aka"),
        towns=(
            Town("Abidjan", "Abidjan", 5.3600, -4.0083, ""),
            Town("Bouaké", "Vallée du Bandama", 7.6906, -5.0303, ""),
            Town("Yamoussoukro", "Yamoussoukro", 6.8276, -5.2893, ""),
            Town("San-Pédro", "Bas-Sassandra", 4.7485, -6.6363, ""),
            Town("Korhogo", "Savanes", 9.4580, -5.6296, ""),
            Town("Daloa", "Haut-Sassandra", 6.8774, -6.4502, ""),
        ),
        group_name="Groupe de {town}",
    ),
    Country(
        "CM", "fr", 5, True, 60,
        women=("Ange", "Mireille", "Carine", "Solange", "Prudence", "Laure", "Blessing",
               "Pélagie", "Yvette", "Brenda", "Clarisse", "Nadège"),
        men=("Jean", "Samuel", "Paul", "Emmanuel", "Hervé", "Blaise", "Achille", "Rodrigue",
             "Thierry", "Ibrahim", "Junior", "Christian"),
        families=("Mbarga", "Nkoulou", "Fotso", "Tchoumi", "Ngono", "Essomba", "Kamga",
                  "Tchakounté", "Atangana", "Nana", "Abena", "Fomba", "Njoya", "Mbah"),
        towns=(
            Town("Douala", "Littoral", 4.0511, 9.7679, ""),
            Town("Yaoundé", "Centre", 3.8480, 11.5021, ""),
            Town("Bamenda", "North-West", 5.9631, 10.1591, "", language="en"),
            Town("Buea", "South-West", 4.1527, 9.2410, "", language="en"),
            Town("Garoua", "Nord", 9.3010, 13.3977, ""),
            Town("Bafoussam", "Ouest", 5.4781, 10.4176, ""),
        ),
        group_name="Groupe de {town}",
    ),
    Country(
        "ES", "es", 9, False, 60,
        women=("Lucía", "María", "Paula", "Carmen", "Sofía", "Laura", "Marta", "Alba", "Elena",
               "Nerea", "Ainhoa", "Irene", "Noelia", "Montserrat"),
        men=("Hugo", "Daniel", "Pablo", "Alejandro", "Javier", "Álvaro", "Sergio", "Jorge",
             "Adrián", "Iker", "David", "Manuel", "Pau", "Jordi"),
        families=("García", "Fernández", "González", "Rodríguez", "López", "Martínez", "Sánchez",
                  "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno",
                  "Navarro", "Puig", "Etxeberria"),
        towns=(
            Town("Madrid", "Comunidad de Madrid", 40.4168, -3.7038, "280##"),
            Town("Barcelona", "Cataluña", 41.3874, 2.1686, "080##"),
            Town("Valencia", "Comunitat Valenciana", 39.4699, -0.3763, "460##"),
            Town("Sevilla", "Andalucía", 37.3891, -5.9845, "410##"),
            Town("Bilbao", "País Vasco", 43.2630, -2.9350, "480##"),
            Town("Zaragoza", "Aragón", 41.6488, -0.8891, "500##"),
            Town("Málaga", "Andalucía", 36.7213, -4.4214, "290##"),
        ),
        group_name="Grupo de {town}",
    ),
    Country(
        "MX", "es", 10, True, -360,
        women=("Guadalupe", "María José", "Ximena", "Fernanda", "Valeria", "Daniela", "Camila",
               "Itzel", "Andrea", "Mariana", "Citlali", "Alejandra"),
        men=("José Luis", "Juan Carlos", "Miguel Ángel", "Diego", "Santiago", "Emiliano", "Luis",
             "Carlos", "Jesús", "Francisco", "Alejandro", "Mateo"),
        families=("Hernández", "García", "Martínez", "López", "González", "Pérez", "Rodríguez",
                  "Sánchez", "Ramírez", "Cruz", "Flores", "Gómez", "Morales", "Vázquez", "Reyes",
                  "Jiménez", "Torres", "Mendoza"),
        towns=(
            Town("Ciudad de México", "Ciudad de México", 19.4326, -99.1332, "0##00"),
            Town("Guadalajara", "Jalisco", 20.6597, -103.3496, "44###"),
            Town("Monterrey", "Nuevo León", 25.6866, -100.3161, "64###"),
            Town("Puebla", "Puebla", 19.0414, -98.2063, "72###"),
            Town("Oaxaca de Juárez", "Oaxaca", 17.0732, -96.7266, "68###"),
            Town("Mérida", "Yucatán", 20.9674, -89.5926, "97###"),
            Town("Tijuana", "Baja California", 32.5149, -117.0382, "22###"),
        ),
        group_name="Grupo de {town}",
    ),
    Country(
        "CO", "es", 7, True, -300,
        women=("Valentina", "Isabella", "Mariana", "Luciana", "Sara", "Daniela", "Natalia",
               "Juliana", "Paola", "Carolina", "Yuliana", "Catalina"),
        men=("Santiago", "Sebastián", "Juan David", "Samuel", "Andrés", "Felipe", "Camilo",
             "Julián", "Jhon", "Esteban", "Mateo", "Cristian"),
        families=("Rodríguez", "Gómez", "González", "Martínez", "García", "López", "Hernández",
                  "Sánchez", "Ramírez", "Pérez", "Díaz", "Muñoz", "Rojas", "Moreno", "Restrepo",
                  "Ospina", "Castaño"),
        towns=(
            Town("Bogotá", "Bogotá D.C.", 4.7110, -74.0721, "1101##"),
            Town("Medellín", "Antioquia", 6.2442, -75.5812, "0500##"),
            Town("Cali", "Valle del Cauca", 3.4516, -76.5320, "7600##"),
            Town("Barranquilla", "Atlántico", 10.9685, -74.7813, "0800##"),
            Town("Cartagena", "Bolívar", 10.3910, -75.4794, "1300##"),
            Town("Bucaramanga", "Santander", 7.1193, -73.1227, "6800##"),
        ),
        group_name="Grupo de {town}",
    ),
    Country(
        "AR", "es", 6, True, -180,
        women=("Sofía", "Martina", "Valentina", "Camila", "Florencia", "Agustina", "Lucía",
               "Milagros", "Julieta", "Carolina", "Romina", "Micaela"),
        men=("Santiago", "Mateo", "Juan Cruz", "Tomás", "Facundo", "Nicolás", "Matías", "Joaquín",
             "Lautaro", "Gonzalo", "Federico", "Ezequiel"),
        families=("González", "Rodríguez", "Gómez", "Fernández", "López", "Díaz", "Martínez",
                  "Pérez", "Romero", "Sosa", "Álvarez", "Ruiz", "Benítez", "Acosta", "Medina",
                  "Ferrari", "Russo", "Herrera"),
        towns=(
            Town("Buenos Aires", "Ciudad Autónoma de Buenos Aires", -34.6037, -58.3816, "C1###@@@"),
            Town("Córdoba", "Córdoba", -31.4201, -64.1888, "X5000@@@"),
            Town("Rosario", "Santa Fe", -32.9442, -60.6505, "S2000@@@"),
            Town("Mendoza", "Mendoza", -32.8895, -68.8458, "M5500@@@"),
            Town("La Plata", "Buenos Aires", -34.9205, -57.9536, "B1900@@@"),
            Town("San Miguel de Tucumán", "Tucumán", -26.8083, -65.2176, "T4000@@@"),
        ),
        group_name="Grupo de {town}",
    ),
    Country(
        "KE", "en", 7, True, 180,
        women=("Wanjiru", "Achieng", "Akinyi", "Njeri", "Wambui", "Faith", "Mercy", "Cynthia",
               "Nafula", "Chebet", "Zawadi", "Halima"),
        men=("Kamau", "Otieno", "Omondi", "Kiprono", "Mwangi", "Brian", "Kevin", "Dennis",
             "Wafula", "Mutua", "Juma", "Hassan"),
        families=("Kamau", "Otieno", "Mwangi", "Odhiambo", "Kariuki", "Wanjiku", "Njoroge",
                  "Ochieng", "Kiprotich", "Mutua", "Waweru", "Chege", "Onyango", "Mohamed",
                  "Kibet"),
        towns=(
            Town("Nairobi", "Nairobi", -1.2921, 36.8219, "00#00"),
            Town("Mombasa", "Mombasa", -4.0435, 39.6682, "80100"),
            Town("Kisumu", "Kisumu", -0.0917, 34.7680, "40100"),
            Town("Nakuru", "Nakuru", -0.3031, 36.0800, "20100"),
            Town("Eldoret", "Uasin Gishu", 0.5143, 35.2698, "30100"),
        ),
        group_name="{town} group",
    ),
    Country(
        "NG", "en", 7, True, 60,
        women=("Chioma", "Ngozi", "Aisha", "Funmilayo", "Adaeze", "Blessing", "Yetunde", "Zainab",
               "Amaka", "Temitope", "Hauwa", "Ifeoma"),
        men=("Chinedu", "Emeka", "Tunde", "Oluwaseun", "Ibrahim", "Musa", "Ikenna", "Segun",
             "Abubakar", "Babatunde", "Obinna", "Uche"),
        families=("Okafor", "Adeyemi", "Okonkwo", "Bello", "Ibrahim", "Eze", "Ogunleye",
                  "Abubakar", "Nwosu", "Adebayo", "Usman", "Olawale", "Chukwu", "Danjuma",
                  "Balogun"),
        towns=(
            Town("Lagos", "Lagos", 6.5244, 3.3792, "10###1"),
            Town("Abuja", "Federal Capital Territory", 9.0765, 7.3986, "9000#1"),
            Town("Kano", "Kano", 12.0022, 8.5920, "7000#1"),
            Town("Ibadan", "Oyo", 7.3775, 3.9470, "2000#1"),
            Town("Port Harcourt", "Rivers", 4.8156, 7.0498, "5001#1"),
            Town("Enugu", "Enugu", 6.4584, 7.5464, "4000#1"),
        ),
        group_name="{town} group",
    ),
    Country(
        "IN", "en", 5, True, 330,
        women=("Priya", "Ananya", "Aditi", "Kavya", "Lakshmi", "Sneha", "Pooja", "Divya", "Meera",
               "Fatima", "Ishita", "Nandini"),
        men=("Arjun", "Rahul", "Aarav", "Vikram", "Rohan", "Aditya", "Karthik", "Imran", "Suresh",
             "Rajesh", "Amit", "Sanjay"),
        families=("Sharma", "Patel", "Singh", "Kumar", "Gupta", "Reddy", "Iyer", "Nair", "Khan",
                  "Das", "Mehta", "Rao", "Joshi", "Banerjee", "Menon"),
        towns=(
            Town("New Delhi", "Delhi", 28.6139, 77.2090, "1100##"),
            Town("Mumbai", "Maharashtra", 19.0760, 72.8777, "4000##"),
            Town("Bengaluru", "Karnataka", 12.9716, 77.5946, "5600##"),
            Town("Chennai", "Tamil Nadu", 13.0827, 80.2707, "6000##"),
            Town("Kolkata", "West Bengal", 22.5726, 88.3639, "7000##"),
            Town("Hyderabad", "Telangana", 17.3850, 78.4867, "5000##"),
            Town("Pune", "Maharashtra", 18.5204, 73.8567, "4110##"),
        ),
        group_name="{town} group",
    ),
)  # fmt: skip

BY_CODE = {country.code: country for country in COUNTRIES}

# The team tree: HQ, then one hub per region, then a local group in the first towns of each country.
HUBS = (
    ("europe", "Europe hub", ("GB", "IE", "FR", "ES")),
    ("west-central-africa", "West and Central Africa hub", ("SN", "CI", "CM", "NG")),
    ("east-africa-south-asia", "East Africa and South Asia hub", ("KE", "IN")),
    ("latin-america", "Latin America hub", ("MX", "CO", "AR")),
)

# Campaigns with per-language titles and summaries, and whether they are still running.
CAMPAIGNS = (
    ("clean-air", "live",
     {"en": "Clean air for every school", "es": "Aire limpio para cada escuela",
      "fr": "De l'air pur pour chaque école"},
     {"en": "Traffic-free streets around schools by 2028.",
      "es": "Calles sin tráfico alrededor de las escuelas para 2028.",
      "fr": "Des rues sans voitures autour des écoles d'ici 2028."}),
    ("water-is-a-right", "live",
     {"en": "Water is a right, not a commodity", "es": "El agua es un derecho, no una mercancía",
      "fr": "L'eau est un droit, pas une marchandise"},
     {"en": "Keep water utilities public and affordable.",
      "es": "Que el agua siga siendo pública y asequible.",
      "fr": "Une eau publique et abordable pour toutes et tous."}),
    ("fair-pay-for-care", "live",
     {"en": "Fair pay for care workers", "es": "Salario justo para quienes cuidan",
      "fr": "Un salaire juste pour les métiers du soin"},
     {"en": "A living wage for everyone who cares for others.",
      "es": "Un salario digno para quienes cuidan de los demás.",
      "fr": "Un salaire digne pour celles et ceux qui prennent soin des autres."}),
    ("girls-in-school", "live",
     {"en": "Every girl in school", "es": "Todas las niñas en la escuela",
      "fr": "Toutes les filles à l'école"},
     {"en": "Twelve years of free, safe, quality education for every girl.",
      "es": "Doce años de educación gratuita, segura y de calidad para cada niña.",
      "fr": "Douze années d'école gratuite, sûre et de qualité pour chaque fille."}),
    ("renewables-now", "live",
     {"en": "Community renewables now", "es": "Energías renovables comunitarias ya",
      "fr": "Des énergies renouvelables citoyennes, maintenant"},
     {"en": "Solar and wind owned by the communities they power.",
      "es": "Energía solar y eólica en manos de las comunidades.",
      "fr": "Du solaire et de l'éolien aux mains des habitants."}),
    ("homes-not-evictions", "closed",
     {"en": "Homes, not evictions", "es": "Viviendas, no desalojos",
      "fr": "Des logements, pas des expulsions"},
     {"en": "A moratorium on evictions through the winter.",
      "es": "Una moratoria de desalojos durante el invierno.",
      "fr": "Une trêve des expulsions tout l'hiver."}),
)  # fmt: skip

TAGS = (
    "volunteer", "donor", "student", "faith-community", "trade-union", "press", "youth",
    "teacher", "health-worker", "parent", "farmer", "speaker",
)  # fmt: skip

SOURCES = (
    ("web", 40), ("petition", 20), ("event", 10), ("import:partner-list", 8),
    ("whatsapp-keyword", 10), ("sms-keyword", 6), ("street-stall", 6),
)  # fmt: skip

GENDERS = (
    ("woman", 48), ("man", 41), ("non_binary", 2), ("self_described", 1), ("prefer_not", 2),
    ("", 6),
)  # fmt: skip
SELF_DESCRIBED = ("genderqueer", "agender", "two-spirit", "femme", "questioning")

# Channels people use, by region: mobile-first in the global south.
CHANNELS_NORTH = (("web", 58), ("email", 30), ("whatsapp", 8), ("sms", 4))
CHANNELS_SOUTH = (("whatsapp", 45), ("sms", 22), ("web", 27), ("email", 6))

EMAIL_DOMAINS = ("example.org", "example.com", "example.net")
