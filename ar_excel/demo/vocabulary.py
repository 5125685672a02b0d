"""Words the demo ledger is made of: company names, places, people and products as they appear
in Egyptian and Gulf customer masters.

Company names follow the patterns accountants actually see: ``شركة النور للتجارة ش.م.م``,
``مؤسسة عبدالله الغامدي للمقاولات``, ``Nile Foods S.A.E.``, ``Gulf Star Trading LLC``. Each
Arabic stem carries its usual Latin spelling so e-mail domains look like the company's own.
"""

from __future__ import annotations

# (country, currency, share of customers, ISO-2 for IBANs)
COUNTRIES = (
    ("Egypt", "مصر", "EGP", 0.55, "EG"),
    ("Saudi Arabia", "السعودية", "SAR", 0.27, "SA"),
    ("United Arab Emirates", "الإمارات", "AED", 0.18, "AE"),
)

CITIES = {
    "EG": (("Cairo", "القاهرة"), ("Giza", "الجيزة"), ("Alexandria", "الإسكندرية"),
           ("6th of October", "السادس من أكتوبر"), ("10th of Ramadan", "العاشر من رمضان"),
           ("Mansoura", "المنصورة"), ("Tanta", "طنطا"), ("Port Said", "بورسعيد"),
           ("Assiut", "أسيوط"), ("Nasr City", "مدينة نصر"), ("New Cairo", "القاهرة الجديدة")),
    "SA": (("Riyadh", "الرياض"), ("Jeddah", "جدة"), ("Dammam", "الدمام"), ("Khobar", "الخبر"),
           ("Makkah", "مكة المكرمة"), ("Madinah", "المدينة المنورة"), ("Buraidah", "بريدة")),
    "AE": (("Dubai", "دبي"), ("Abu Dhabi", "أبوظبي"), ("Sharjah", "الشارقة"),
           ("Ajman", "عجمان"), ("Al Ain", "العين"), ("Ras Al Khaimah", "رأس الخيمة")),
}

STREETS = {
    "EG": (("Tahrir St.", "شارع التحرير"), ("Gameat El Dowal St.", "شارع جامعة الدول العربية"),
           ("Abbas El Akkad St.", "شارع عباس العقاد"), ("Corniche El Nil", "كورنيش النيل"),
           ("Industrial Zone 3", "المنطقة الصناعية الثالثة"), ("El Horreya Rd.", "طريق الحرية"),
           ("Makram Ebeid St.", "شارع مكرم عبيد"), ("El Geish St.", "شارع الجيش")),
    "SA": (("King Fahd Rd.", "طريق الملك فهد"), ("Olaya St.", "شارع العليا"),
           ("Prince Sultan St.", "شارع الأمير سلطان"), ("2nd Industrial City", "المدينة الصناعية الثانية"),
           ("Tahlia St.", "شارع التحلية"), ("King Abdulaziz Rd.", "طريق الملك عبدالعزيز")),
    "AE": (("Sheikh Zayed Rd.", "شارع الشيخ زايد"), ("Al Quoz Industrial 2", "القوز الصناعية ٢"),
           ("Hamdan St.", "شارع حمدان"), ("Al Wahda St.", "شارع الوحدة"),
           ("Jebel Ali Free Zone", "المنطقة الحرة بجبل علي"), ("Al Khan Rd.", "طريق الخان")),
}

# Arabic stems with their usual Latin spelling (for English names and e-mail domains).
STEMS = (
    ("النور", "Al Noor"), ("الأمل", "Al Amal"), ("الفجر", "Al Fajr"), ("النيل", "Nile"),
    ("الخليج", "Gulf"), ("الرواد", "Al Rowad"), ("المستقبل", "Al Mostakbal"), ("الصفا", "Al Safa"),
    ("الهدى", "Al Huda"), ("الوفاء", "Al Wafaa"), ("السلام", "Al Salam"), ("البركة", "Al Baraka"),
    ("الريان", "Al Rayan"), ("الأهرام", "Pyramids"), ("الدلتا", "Delta"), ("الجزيرة", "Al Jazeera"),
    ("الشروق", "El Shorouk"), ("الزهراء", "Al Zahraa"), ("الفرسان", "Al Forsan"), ("النخبة", "Elite"),
    ("الصقر", "Falcon"), ("الأفق", "Horizon"), ("البحر الأحمر", "Red Sea"), ("الواحة", "Oasis"),
    ("النجمة", "Star"), ("اللؤلؤة", "Pearl"), ("الهلال", "Crescent"), ("النخيل", "Palm"),
    ("المتحدة", "United"), ("العربية", "Arabian"), ("الوطنية", "National"), ("الدولية", "International"),
    ("الشرق", "East"), ("الإتحاد", "Al Ittihad"), ("الأصالة", "Al Asala"), ("التقدم", "Progress"),
    ("الرياح", "Winds"), ("السنابل", "Sanabel"), ("الياسمين", "Jasmine"), ("الماسة", "Diamond"),
)

# Line of business: Arabic phrase, English word(s).
ACTIVITIES = (
    ("للتجارة", "Trading"), ("للتجارة والتوزيع", "Trading & Distribution"),
    ("للصناعات الغذائية", "Foods"), ("للأدوية", "Pharma"), ("للمقاولات", "Contracting"),
    ("للاستيراد والتصدير", "Import & Export"), ("للتوريدات", "Supplies"),
    ("لمواد البناء", "Building Materials"), ("للحديد والصلب", "Steel"), ("للبلاستيك", "Plastics"),
    ("للإلكترونيات", "Electronics"), ("للخدمات اللوجستية", "Logistics"), ("للورق", "Paper"),
    ("للمنسوجات", "Textiles"), ("للكيماويات", "Chemicals"), ("للتغليف", "Packaging"),
    ("للمستلزمات الطبية", "Medical Supplies"), ("للسيارات", "Motors"), ("للمنتجات الزراعية", "Agro"),
    ("للأجهزة المنزلية", "Home Appliances"),
)

AR_PREFIXES = ("شركة", "شركة", "شركة", "مؤسسة", "مجموعة", "مصنع", "معرض", "مكتب")
AR_SUFFIXES = {
    "EG": ("ش.م.م", "ش.م.م", "", "", "وشركاه", "ش.م.م."),
    "SA": ("", "", "المحدودة", "ذ.م.م", "للتجارة المحدودة"),
    "AE": ("ذ.م.م", "ش.ذ.م.م", "", "م.ح"),
}
EN_SUFFIXES = {
    "EG": ("S.A.E.", "S.A.E.", "LLC", "& Co.", "Co.", ""),
    "SA": ("Co. Ltd.", "Est.", "Company", "LLC", ""),
    "AE": ("LLC", "L.L.C", "FZE", "FZCO", "Trading LLC"),
}

# People: for family-owned establishments and for who requested a credit limit.
FIRST_NAMES = (
    ("محمد", "Mohamed"), ("أحمد", "Ahmed"), ("محمود", "Mahmoud"), ("مصطفى", "Mostafa"),
    ("عبدالله", "Abdullah"), ("خالد", "Khaled"), ("عمر", "Omar"), ("يوسف", "Youssef"),
    ("إبراهيم", "Ibrahim"), ("حسن", "Hassan"), ("طارق", "Tarek"), ("سامي", "Sami"),
    ("فهد", "Fahad"), ("سعود", "Saud"), ("ناصر", "Nasser"), ("راشد", "Rashid"),
    ("هشام", "Hesham"), ("وليد", "Walid"), ("كريم", "Karim"), ("ياسر", "Yasser"),
)
FAMILY_NAMES = (
    ("الغامدي", "Al Ghamdi"), ("العتيبي", "Al Otaibi"), ("القحطاني", "Al Qahtani"),
    ("الشمري", "Al Shammari"), ("الدوسري", "Al Dosari"), ("المنصوري", "Al Mansouri"),
    ("الكعبي", "Al Kaabi"), ("الهاشمي", "Al Hashimi"), ("عبدالرحمن", "Abdelrahman"),
    ("السيد", "El Sayed"), ("منصور", "Mansour"), ("حسنين", "Hassanein"), ("عبدالعزيز", "Abdelaziz"),
    ("الشريف", "El Sherif"), ("سليمان", "Soliman"), ("فرج", "Farag"), ("النجار", "El Naggar"),
    ("الجمال", "El Gamal"), ("شاهين", "Shaheen"), ("بدوي", "Badawi"),
)

STAFF = ("Mona Adel", "Karim Samir", "Hany Fawzy", "منى عادل", "أحمد فتحي", "Sara Nabil",
         "Yasmin Farouk", "عمرو الشافعي", "Faisal Al Harbi", "Reem Al Zahrani")

SALES_REPS = ("Ahmed F.", "Mona A.", "Karim S.", "أ. عمرو", "Faisal H.", "Reem Z.", "م. هاني")

EMAIL_LOCALS = ("accounts", "finance", "ap", "payables", "info", "sales", "ar", "procurement",
                "m.hassan", "a.mostafa", "k.saleh", "treasury")
EMAIL_TLDS = {"EG": (".com.eg", ".com", ".net", ".eg"), "SA": (".com.sa", ".sa", ".com"),
              "AE": (".ae", ".com", ".co.ae")}
FREE_MAIL = ("gmail.com", "yahoo.com", "hotmail.com", "outlook.com")

CREDIT_NOTE_REASONS = ("Returned goods", "Price adjustment", "Quantity discount", "مرتجع بضاعة",
                       "فرق سعر", "خصم كمية", "Damaged on delivery", "تسوية")
CREDIT_REQUEST_REASONS = (
    "Seasonal orders (Ramadan)", "New branch opened", "Tender awarded — larger monthly volume",
    "زيادة حجم المسحوبات", "افتتاح فرع جديد", "موسم رمضان", "Good payment record over 12 months",
    "طلب من مدير المبيعات", "Consolidating purchases from two suppliers",
)
PAYMENT_METHODS = (("Bank Transfer", "تحويل بنكي", 0.72), ("Cheque", "شيك", 0.18),
                   ("Cash", "نقدي", 0.06), ("Card", "بطاقة", 0.04))

# Products: code, English, Arabic, unit, list price in EGP.
ITEMS = (
    ("RM-1001", "Sunflower oil 1L x12", "زيت عباد الشمس ١ لتر × ١٢", "carton", 1140.0),
    ("RM-1002", "Sugar 50kg bag", "سكر شيكارة ٥٠ كجم", "bag", 1725.0),
    ("RM-1003", "Rice 25kg bag", "أرز شيكارة ٢٥ كجم", "bag", 890.0),
    ("RM-1004", "Flour 72% 50kg", "دقيق ٧٢٪ ٥٠ كجم", "bag", 1310.0),
    ("PK-2001", "Corrugated box 40x30", "كرتونة مضلعة ٤٠×٣٠", "pcs", 14.5),
    ("PK-2002", "Stretch film 23mic", "رول استرتش ٢٣ ميكرون", "roll", 385.0),
    ("PK-2003", "PET preform 28g", "بريفورم ٢٨ جرام", "1000 pcs", 2150.0),
    ("ST-3001", "Rebar 12mm", "حديد تسليح ١٢ مم", "ton", 38500.0),
    ("ST-3002", "Rebar 16mm", "حديد تسليح ١٦ مم", "ton", 38200.0),
    ("ST-3003", "Steel sheet 2mm", "صاج ٢ مم", "ton", 41800.0),
    ("CM-4001", "Cement 50kg", "أسمنت ٥٠ كجم", "bag", 135.0),
    ("CM-4002", "White cement 25kg", "أسمنت أبيض ٢٥ كجم", "bag", 240.0),
    ("PL-5001", "PVC pipe 4in 6m", "ماسورة PVC ٤ بوصة ٦ م", "pcs", 465.0),
    ("PL-5002", "HDPE granules", "حبيبات HDPE", "ton", 61500.0),
    ("EL-6001", "LED panel 60x60", "لوح LED ٦٠×٦٠", "pcs", 520.0),
    ("EL-6002", "Cable 3x2.5mm 100m", "كابل ٣×٢٫٥ مم ١٠٠ م", "roll", 3450.0),
    ("EL-6003", "Circuit breaker 32A", "قاطع كهربائي ٣٢ أمبير", "pcs", 210.0),
    ("MD-7001", "Surgical gloves box", "علبة جوانتي جراحي", "box", 185.0),
    ("MD-7002", "Syringes 5ml x100", "سرنجات ٥ مل × ١٠٠", "box", 240.0),
    ("MD-7003", "Paracetamol 500mg x20", "باراسيتامول ٥٠٠ مجم × ٢٠", "pack", 31.0),
    ("PA-8001", "A4 paper 80g", "ورق A4 ‏٨٠ جرام", "ream", 265.0),
    ("PA-8002", "Kraft paper roll", "رول ورق كرافت", "roll", 2900.0),
    ("TX-9001", "Cotton fabric", "قماش قطن", "m", 95.0),
    ("TX-9002", "Polyester yarn", "خيط بوليستر", "kg", 118.0),
    ("CH-9101", "Caustic soda 25kg", "صودا كاوية ٢٥ كجم", "bag", 1180.0),
    ("CH-9102", "Detergent base 200L", "قاعدة منظفات ٢٠٠ لتر", "drum", 9600.0),
    ("SV-9901", "Delivery charge", "مصاريف نقل", "trip", 750.0),
    ("SV-9902", "Installation service", "خدمة تركيب", "visit", 1500.0),
)
