# -*- coding: utf-8 -*-
"""Writes everyday-prompts.jsonl: ~100 hand-written prompts (authored for Preflight; not taken from
any benchmark) with an expected tier range and a coarse expected gain of a GPT-4-class model over
a Mixtral-class model (low / medium / high)."""
import json

E, S, P, F = "economy", "standard", "premium", "frontier"
R = []


def add(cat, lang, lo, hi, gain, prompt, note=""):
    R.append({"prompt": prompt.strip("\n"), "category": cat, "language": lang, "minTier": lo, "maxTier": hi,
              "gain": gain, "note": note})


# ---------------------------------------------------------------- long everyday documents
EMAIL_DE = """Fasse die folgende E-Mail in drei Stichpunkten zusammen und schlage dann eine kurze, freundliche Antwort vor.

Hallo Frau Berger,
vielen Dank für Ihre schnelle Rückmeldung letzte Woche. Wir haben das Angebot im Team besprochen und würden gern mit dem Paket „Standard“ starten, allerdings erst ab dem 1. März, weil unser Umzug ins neue Büro sich um zwei Wochen verschoben hat. Könnten Sie uns außerdem sagen, ob die Schulung für die neuen Mitarbeiter vor Ort stattfinden kann oder nur online angeboten wird? Falls vor Ort möglich, wäre uns ein Dienstag oder Donnerstag am liebsten. Die unterschriebene Vereinbarung schicke ich Ihnen bis Freitag per Post.
Viele Grüße
Jonas Keller"""

MEETING_EN = """Here are my raw notes from today's team meeting. Turn them into a tidy summary with a short "Decisions" list and an "Action items" list (owner + due date).

- Sam: website redesign is 80% done, waiting on final photos from marketing, should be ready by the 14th
- Priya said the newsletter open rate went down from 31% to 24% last month, maybe because we changed the send time to Monday 7am; agreed to move back to Thursday 10am
- budget for the spring event approved, 4,500 total, Leo to book the venue this week
- new intern (Marta) starts on the 3rd, Dana will prepare her laptop and accounts
- customer survey: 212 responses, most complaints about delivery times; Sam to share the full results next Tuesday
- next meeting moved to Wednesday because of the public holiday"""

ARTICLE_FR = """Résume cet article en cinq phrases maximum pour la newsletter interne de l'entreprise.

La mairie de Lyon a annoncé mardi l'extension de son réseau de pistes cyclables, avec 45 kilomètres supplémentaires prévus d'ici 2026. Le projet, estimé à 30 millions d'euros, doit relier les quartiers périphériques au centre-ville et sécuriser les carrefours les plus accidentogènes. Selon l'adjointe aux mobilités, la fréquentation des pistes a augmenté de 18 % en un an, portée notamment par les vélos électriques. Les commerçants de la presqu'île restent partagés : certains craignent la suppression de places de stationnement, d'autres espèrent attirer une clientèle plus locale. Une concertation publique sera ouverte en avril, et les premiers travaux débuteront à l'automne sur l'axe nord-sud. L'association des usagers salue une « avancée importante », tout en regrettant l'absence de parkings vélos sécurisés près des gares."""

REVIEW_ES = """Lee estas tres reseñas de clientes de nuestro restaurante y resume en un párrafo breve qué les gusta y qué critican. Después sugiere dos mejoras concretas.

Reseña 1: "La paella estaba deliciosa y el camarero fue muy amable, pero esperamos casi 40 minutos para que nos trajeran la comida."
Reseña 2: "Buen ambiente y precios razonables. El postre de la casa es espectacular. La música estaba demasiado alta para conversar."
Reseña 3: "Reservamos para 8 personas y nos dieron una mesa pequeña. La comida bien, el servicio lento otra vez. Volveremos solo si mejoran los tiempos.\""""

POLICY_EN = """Can you rewrite this paragraph from our employee handbook so it is friendlier and easier to read? Keep all the rules, keep it under 150 words.

"Employees are required to submit all requests for annual leave no fewer than ten (10) working days prior to the first day of the requested leave period. Requests submitted after this deadline may be declined at the discretion of the line manager. In the event that multiple employees within the same team request overlapping periods of leave, priority shall be determined on a first-come, first-served basis. Unused annual leave entitlement in excess of five (5) days may not be carried over into the following calendar year unless written approval has been obtained from the Human Resources department prior to 1 December.\""""

EMAIL_JA = """以下の社内メールを読んで、要点を3行でまとめてください。そのあと、参加できる旨を伝える短い返信を書いてください。

件名：来月の部署合同勉強会について
皆さま、お疲れさまです。来月15日（金）の午後2時から4時まで、第3会議室で営業部と開発部の合同勉強会を開催します。テーマは「お客様の声を製品改善にどう活かすか」です。当日は各部から1名ずつ、最近の事例を10分程度で発表していただく予定です。発表を希望される方は今月末までに山田までご連絡ください。オンライン参加も可能ですので、リンクが必要な方もお知らせください。よろしくお願いいたします。"""

COMPLAINT_HI = """नीचे दिए गए शिकायत पत्र को पढ़कर तीन बिंदुओं में मुख्य समस्याएँ लिखिए, और फिर ग्राहक को एक विनम्र जवाब का मसौदा तैयार कीजिए।

महोदय, मैंने पिछले महीने आपकी दुकान से एक वॉशिंग मशीन खरीदी थी। पहले ही हफ़्ते में उसमें से पानी रिसने लगा। मैंने दो बार सर्विस सेंटर को फ़ोन किया, लेकिन अब तक कोई तकनीशियन नहीं आया। मेरे घर में छोटे बच्चे हैं और कपड़े धोना बहुत ज़रूरी है। कृपया जल्द से जल्द मशीन बदलवाने या मरम्मत करवाने की व्यवस्था करें। धन्यवाद, सुनीता शर्मा"""

REPORT_PT = """Resuma o relatório abaixo em três tópicos para enviar ao diretor, com linguagem simples.

O terceiro trimestre registrou vendas de 1,2 milhão de reais, um aumento de 8% em relação ao trimestre anterior. A região Sul teve o melhor desempenho, enquanto o Nordeste ficou abaixo da meta por causa de atrasos na entrega de estoque. Os custos de frete subiram 12%, o que reduziu a margem em cerca de dois pontos percentuais. A equipe de atendimento reduziu o tempo médio de resposta de 26 para 14 horas. Para o próximo trimestre, recomendamos renegociar o contrato com a transportadora e reforçar o estoque no centro de distribuição de Recife."""

STORY_ZH = """请把下面这段话改写得更生动一些，适合发在公司公众号上，不超过200字。

本周六上午，公司组织员工到城郊的农场参加植树活动。大家分成五个小组，一共种下了120棵树苗。活动结束后，农场准备了简单的午餐，大家一起交流了工作和生活。很多同事表示，这样的活动既能锻炼身体，又能增进彼此的了解，希望以后能多举办。"""

CV_EN = """Proofread my cover letter and fix grammar and awkward phrasing. Don't change the meaning.

Dear Hiring Manager, I am writing to apply for the Junior Marketing Coordinator position which I seen advertised on your website. During my last two years at Brightside Media I have been responsible of running the company social media accounts, which grew our followers from 3,000 to over 11,000. I also helped organising three product launches and wrote weekly newsletters for 5,000 subscribers. I am a organised, creative person who enjoy working in team and learning new tools quickly. I would love the opportunity to bring this experiences to your company. Thank you for you consideration. Kind regards, Elena Rossi"""

CHAT_RU = """Вот переписка из нашего рабочего чата. Кратко перескажи, о чём договорились, и кто что делает.

Ира: Привет! Презентацию для клиента надо отправить до четверга.
Олег: Я доделаю слайды с цифрами к среде.
Ира: Отлично. Дизайн обложки кто возьмёт?
Катя: Я возьму, но мне нужен логотип клиента в хорошем качестве.
Олег: Скину сегодня вечером.
Ира: Тогда в среду в 16:00 созвонимся и всё проверим."""

add("summarisation", "en", E, S, "low",
    "Summarise the following customer email in three bullet points, then suggest a polite reply.\n\n"
    "Hi there, I booked a double room for two nights (booking ref 77120) starting the 9th, but I just "
    "got an email saying my card was charged twice. Could you check whether both payments went through, and "
    "if so, refund one of them? Also, is it possible to check in early, around 11am? Thanks a lot, Marco",
    "long-ish everyday email with 'then', 'if', numbers: must not go premium")
add("summarisation", "de", E, S, "low", EMAIL_DE, "German business email, dates and numbers")
add("summarisation", "en", E, S, "low", MEETING_EN, "meeting notes full of numbers/percentages; not a word problem")
add("summarisation", "fr", E, S, "low", ARTICLE_FR, "news article with figures")
add("summarisation", "es", E, S, "low", REVIEW_ES, "three reviews, summary + suggestions")
add("writing", "en", E, S, "low", POLICY_EN, "rewrite handbook paragraph; numbers and 'if' style rules")
add("summarisation", "ja", E, S, "low", EMAIL_JA, "Japanese internal email + reply")
add("email", "hi", E, S, "low", COMPLAINT_HI, "Hindi complaint letter + reply")
add("summarisation", "pt", E, S, "low", REPORT_PT, "quarterly report with percentages: not a word problem")
add("writing", "zh", E, S, "low", STORY_ZH, "rewrite company news in a livelier style")
add("writing", "en", E, S, "low", CV_EN, "proofreading a cover letter")
add("summarisation", "ru", E, S, "low", CHAT_RU, "chat transcript recap")

# ---------------------------------------------------------------- writing / email
add("email", "en", E, S, "low", "Write a short email to my team saying the Friday stand-up is cancelled this week and we'll meet again on Monday at 9:30.")
add("email", "en", E, S, "low", "Draft a friendly reminder email to a client whose invoice of 1,250 EUR was due ten days ago. Keep it polite and short, and mention they can pay by bank transfer or card.")
add("email", "es", E, S, "low", "Escribe un correo breve a mi profesora para pedirle una semana más de plazo para entregar el trabajo final, porque estuve enfermo.")
add("email", "fr", E, S, "low", "Rédige un e-mail poli pour refuser une invitation à un dîner professionnel jeudi soir, en proposant un café la semaine prochaine.")
add("email", "de", E, S, "low", "Schreib eine kurze Nachricht an unsere Nachbarn, dass wir am Samstag ab 18 Uhr eine kleine Geburtstagsfeier machen und es etwas lauter werden könnte.")
add("writing", "en", E, S, "low", "Write a product description (about 80 words) for a handmade ceramic coffee mug, 350 ml, dishwasher safe, available in sage green and sand.")
add("writing", "en", E, S, "low", "Write a LinkedIn post announcing that I've just finished my first year as a data analyst. Grateful tone, no hashtags spam, max 120 words.")
add("writing", "pt", E, S, "low", "Escreva um convite curto e animado para a festa de fim de ano da empresa, dia 15 de dezembro, às 19h, no terraço do escritório.")
add("writing", "zh", E, S, "low", "帮我写一段朋友圈文案，庆祝我家小狗三岁生日，语气可爱一点。")
add("writing", "ja", E, S, "low", "新しくオープンするパン屋の紹介文を150字程度で書いてください。店名は「こむぎ日和」です。")
add("writing", "hi", E, S, "low", "मेरे दादाजी के 80वें जन्मदिन के लिए एक छोटा सा शुभकामना संदेश लिखिए।")
add("writing", "en", E, S, "low", "Write a persuasive blog post intro (two paragraphs) on why people should try cycling to work at least once a week.")
add("writing", "ru", E, S, "low", "Напиши короткое поздравление коллеге с повышением, дружелюбно и без пафоса.")
add("writing", "en", E, S, "low", "Write a haiku about Monday mornings.")
add("writing", "es", E, S, "low", "Escribe un poema de ocho versos sobre el mar en invierno.")

# ---------------------------------------------------------------- roleplay
add("roleplay", "en", E, S, "low", "Pretend you're a grumpy medieval innkeeper and I'm a traveller asking for a room. Stay in character.")
add("roleplay", "en", E, S, "low", "Act as a friendly barista and take my coffee order. Ask me follow-up questions like a real barista would.")
add("roleplay", "fr", E, S, "low", "Joue le rôle d'un guide touristique à Paris et présente-moi la tour Eiffel comme si on était devant.")
add("roleplay", "de", E, S, "low", "Stell dir vor, du bist ein Fußballtrainer in der Halbzeitpause und dein Team liegt 0:2 zurück. Halte eine kurze Motivationsrede.")
add("roleplay", "ja", E, S, "low", "あなたは江戸時代の町人です。現代から来た私に、町の様子を紹介してください。")
add("roleplay", "en", S, P, "medium", "You are a job interviewer for a senior backend engineer role. Interview me: ask one question at a time and give honest feedback on each of my answers.", "interactive roleplay with some technical judgement")

# ---------------------------------------------------------------- extraction
add("extraction", "en", E, S, "low", "Extract the name, phone number and email address from this signature and return them as JSON:\n\nBest,\nDaniel Okafor | Operations Lead\nNorthwind Logistics\n+44 20 7946 0958 | d.okafor@northwind.example")
add("extraction", "en", E, S, "low", "From the text below, list every date mentioned and what happens on it.\n\nThe kickoff is on 4 March. Design review follows on 18 March, and the beta goes out to testers on 2 April. We'll collect feedback until 20 April and ship on 5 May.")
add("extraction", "es", E, S, "low", "Extrae de este texto los productos y sus precios en una tabla: \"Compré 2 kilos de tomates a 3,20 €, un pan integral por 1,80 € y un litro de aceite de oliva a 8,50 €.\"")
add("extraction", "de", E, S, "low", "Liste alle Personen und ihre Rollen aus diesem Absatz auf: Anna Müller leitet das Projekt, Tobias Weber ist für das Budget zuständig und Lisa Wagner koordiniert die Kommunikation mit den Kunden.")
add("extraction", "zh", E, S, "low", "从下面的句子中提取出发地、目的地和日期：我打算下周三从上海坐高铁去杭州，周五再回来。")
add("extraction", "en", E, S, "low", "Pull out the key terms from this rental listing as bullet points (rent, deposit, size, availability, pets): Bright 2-bedroom flat, 68 m², 1,150 per month plus a deposit of two months' rent. Available from 1 June. Small pets allowed on request. No smoking.")
add("extraction", "fr", E, S, "low", "Extrais les ingrédients et les quantités de cette recette : Mélangez 200 g de farine, 3 œufs, 50 cl de lait et une pincée de sel, puis laissez reposer une heure.")
add("extraction", "en", S, P, "medium", "Read this clause and tell me the notice period, who can terminate, and any penalties, as a JSON object:\n\n\"Either party may terminate this Agreement upon sixty (60) days' written notice. If the Client terminates within the first twelve (12) months, the Client shall pay an early termination fee equal to three (3) months of the Monthly Fee. The Provider may terminate immediately upon material breach that remains uncured for fifteen (15) days after notice.\"", "legal extraction; standard acceptable, premium tolerated")

# ---------------------------------------------------------------- translation
add("translation", "en", E, S, "low", "Translate into French: \"Our office will be closed on Monday for the public holiday. Urgent requests can be sent to support@example.com.\"")
add("translation", "es", E, S, "low", "Traduce al inglés: \"Me gustaría reservar una mesa para cuatro personas el sábado a las nueve de la noche.\"")
add("translation", "de", E, S, "low", "Übersetze ins Englische: Die Lieferung verzögert sich leider um drei Tage. Wir entschuldigen uns für die Unannehmlichkeiten.")
add("translation", "ja", E, S, "low", "次の文を英語に翻訳してください：「明日の会議は午後3時に変更になりました。」")
add("translation", "zh", E, S, "low", "把这句话翻译成英文：这个周末我们全家要去海边度假。")
add("translation", "en", E, S, "low", "How do you say 'Where is the train station?' in Portuguese, Italian and German?")

# ---------------------------------------------------------------- classification
add("classification", "en", E, S, "low", "Label each of these support tickets as Billing, Technical or Other:\n1. I was charged twice this month.\n2. The app crashes when I open settings.\n3. Do you have a office in Berlin?\n4. How do I update my card details?")
add("classification", "en", E, E, "low", "Is this review positive or negative? \"Arrived quickly, fits perfectly, would buy again.\"")
add("classification", "fr", E, S, "low", "Classe ces aliments en fruits ou légumes : tomate, carotte, pomme, courgette, fraise.")
add("classification", "es", E, S, "low", "Clasifica el tono de este mensaje (formal, informal o agresivo): \"Oye, ¿me pasas el informe cuando puedas? Gracias!\"")
add("classification", "hi", E, S, "low", "इन वाक्यों को सकारात्मक या नकारात्मक में वर्गीकृत कीजिए: 1) खाना बहुत स्वादिष्ट था। 2) डिलीवरी बहुत देर से आई।")

# ---------------------------------------------------------------- formatting
add("formatting", "en", E, S, "low", "Turn this into a markdown table with columns Name, Role, Start date: Alice - designer - March 3; Bob - engineer - April 10; Chen - product manager - May 1.")
add("formatting", "en", E, S, "low", "Convert this list into valid JSON with keys \"item\" and \"qty\": apples 3, bread 1, milk 2, eggs 12.")
add("formatting", "de", E, S, "low", "Sortiere diese Städte alphabetisch und gib sie als nummerierte Liste aus: München, Berlin, Köln, Hamburg, Dresden.")
add("formatting", "en", E, S, "low", "Make this sentence Title Case and remove the extra spaces:   the   quick  guide to   home   composting  ")
add("formatting", "ja", E, S, "low", "次の箇条書きを一つの自然な文章にまとめてください。・会議は10時から ・場所は本社 ・資料は各自持参")

# ---------------------------------------------------------------- conversation / lookup
add("conversation", "en", E, E, "low", "Good morning! Any ideas for a quick healthy breakfast?")
add("conversation", "en", E, S, "low", "I'm feeling a bit stressed about my exams next week. Any tips?")
add("conversation", "es", E, S, "low", "¿Qué película me recomiendas para ver esta noche con mi familia?")
add("conversation", "fr", E, E, "low", "Merci beaucoup pour ton aide hier !")
add("conversation", "zh", E, S, "low", "周末在北京有什么好玩的地方推荐吗？")
add("conversation", "en", E, S, "low", "What's the difference between a latte and a cappuccino?")

# ---------------------------------------------------------------- humanities
add("humanities", "en", S, P, "medium", "Compare the causes of the French Revolution and the American Revolution. Which factors were similar and which were fundamentally different? Argue for a position.")
add("humanities", "en", E, S, "low", "Who wrote 'Pride and Prejudice' and when was it published?")
add("humanities", "de", S, P, "medium", "Erkläre Kants kategorischen Imperativ und diskutiere, ob er bei einer Notlüge zu einem überzeugenden Ergebnis führt.")
add("humanities", "fr", S, P, "medium", "Analyse le rôle de l'ironie dans Candide de Voltaire et ce qu'elle dit de l'optimisme de Leibniz.")
add("humanities", "en", S, P, "medium", "Evaluate the argument that social media has done more harm than good to democratic debate. Give the strongest case on each side before concluding.")
add("humanities", "es", E, S, "low", "Resume en cinco líneas la historia de la Alhambra de Granada.")
add("humanities", "zh", S, P, "medium", "比较儒家和道家对“治国”的看法，并分析它们对后世政治的影响。")
add("humanities", "en", S, P, "medium", "A company can either lay off 5% of staff or cut everyone's pay by 5%. Discuss the ethical considerations of each option from a utilitarian and a Kantian perspective.")

# ---------------------------------------------------------------- STEM (explanations and problems)
add("stem", "en", E, S, "low", "Explain photosynthesis to a 10-year-old.")
add("stem", "en", S, P, "medium", "Why does ice float on water? Explain in terms of hydrogen bonding and density.")
add("stem", "en", P, F, "high", "A 2 kg block slides down a 30° incline with a coefficient of kinetic friction of 0.2. It starts from rest 5 m up the slope. Find its speed at the bottom and the work done by friction.", "physics calculation")
add("stem", "de", P, F, "high", "Ein Kondensator mit 10 µF wird über einen Widerstand von 2 kΩ an 12 V geladen. Nach welcher Zeit erreicht die Spannung 9 V, und wie viel Energie ist dann gespeichert?", "physics calculation")
add("stem", "en", S, P, "medium", "What is the difference between mitosis and meiosis, and why does meiosis matter for genetic diversity?")
add("stem", "ja", P, F, "high", "水素原子の電子がn=4からn=2へ遷移するときに放出される光の波長を求め、計算過程も示してください。", "physics calculation")
add("stem", "en", P, F, "high", "A disease affects 1 in 500 people. A test has 99% sensitivity and 97% specificity. If someone tests positive twice in independent tests, what is the probability they have the disease?", "Bayes, two steps")
add("stem", "fr", S, P, "medium", "Explique le principe de la relativité restreinte et pourquoi la vitesse de la lumière est la même pour tous les observateurs.")

# ---------------------------------------------------------------- math (hard, short)
add("math", "en", P, F, "high", "Prove that the square root of 3 is irrational.", "short proof")
add("math", "en", P, F, "high", "Find all integers n such that n^2 + 2n + 12 is a perfect square.", "short, number theory")
add("math", "en", P, F, "high", "How many ways can 10 identical balls be put into 4 distinct boxes so that no box has more than 4 balls?", "combinatorics")
add("math", "es", P, F, "high", "Demuestra que para todo entero n ≥ 1, 7^n − 1 es divisible por 6.")
add("math", "zh", P, F, "high", "求所有满足 f(x+y)=f(x)+f(y)+2xy 的连续函数 f：R→R，并给出证明。")
add("math", "en", P, F, "high", "Let a, b, c be positive reals with a+b+c=3. Show that a^2/b + b^2/c + c^2/a ≥ 3.", "inequality")
add("math", "ru", P, F, "high", "Найдите наименьшее натуральное n, для которого n! делится на 1000, и объясните решение.")
add("math", "en", E, S, "low", "What is 15% of 240?", "easy arithmetic")

# ---------------------------------------------------------------- reasoning (tricky, few keywords)
add("reasoning", "en", P, F, "high", "Five friends sit in a row. Ana is not at either end. Ben sits immediately right of Cara. Dev is somewhere left of Ana, and Eli is at the right end. Cara is not next to Dev. Give every possible seating order.", "constraint puzzle")
add("reasoning", "en", P, F, "high", "I'm twice as old as you were when I was as old as you are now. Together we are 63. How old are we?", "classic-style age puzzle, original wording")
add("reasoning", "en", P, F, "high", "Three switches outside a closed room control three bulbs inside. You may enter the room once. How can you tell which switch controls which bulb? Then generalise: what is the minimum number of visits for 10 switches if you can only see on/off?", "puzzle + generalisation")
add("reasoning", "de", P, F, "high", "Auf einer Insel lügen Ritter nie und Schurken immer. A sagt: „B ist ein Schurke.“ B sagt: „A und C sind vom selben Typ.“ Was ist C? Begründe jeden Schritt.")
add("reasoning", "fr", P, F, "high", "Un escargot monte un mur de 10 mètres : il grimpe de 3 mètres le jour et redescend de 2 mètres la nuit. Au bout de combien de jours atteint-il le sommet ? Justifie.", "short trick")
add("reasoning", "en", P, F, "high", "If all bloops are razzies and some razzies are lazzies, does it follow that some bloops are lazzies? Explain, and give a counterexample if not.")
add("reasoning", "ja", P, F, "high", "赤・青・緑の帽子をかぶった3人が一列に並び、前の人の帽子だけが見えます。後ろの人から順に「わからない」と答えたとき、先頭の人は自分の帽子の色をどう推論できますか。条件を整理して説明してください。")
add("reasoning", "en", S, P, "medium", "Should a small bakery with 3 employees invest in a delivery app subscription at 120/month if it expects 15 extra orders a week at a 4 margin each? Walk through the reasoning.", "business reasoning with numbers")

# ---------------------------------------------------------------- coding
add("coding", "en", E, S, "low", "How do I reverse a string in Python?", "basic code lookup")
add("coding", "en", P, F, "high", "Design an algorithm that finds the length of the longest substring with at most k distinct characters in O(n). Explain why it is correct and give the complexity.", "algorithm design")
add("coding", "en", P, F, "high", "Implement an LRU cache in Python with O(1) get and put, without using OrderedDict, and write unit tests for eviction order.")
add("coding", "en", P, F, "high", "Given n intervals, find the minimum number of points such that every interval contains at least one point. Prove that your greedy choice is optimal.", "algorithm + proof")
add("coding", "en", S, P, "medium", "Write a SQL query that returns, for each customer, their total spend in 2023 and their rank among all customers. Tables: customers(id, name), orders(id, customer_id, amount, created_at).")
add("coding", "es", P, F, "high", "Escribe una función en C que detecte si una lista enlazada tiene un ciclo y devuelva el nodo donde empieza el ciclo, usando memoria O(1). Explica por qué funciona.")
add("coding", "zh", P, F, "high", "用 Go 实现一个支持并发安全的限流器（令牌桶），要求每秒最多 100 个请求，并说明如何测试它在高并发下的正确性。")
add("coding", "en", P, F, "high", "This function sometimes returns the wrong total under load. Find the bug and fix it.\n\n```python\nimport threading\ntotal = 0\ndef add(n):\n    global total\n    for _ in range(n):\n        total += 1\nthreads = [threading.Thread(target=add, args=(100000,)) for _ in range(8)]\nfor t in threads: t.start()\nfor t in threads: t.join()\nprint(total)\n```")
add("coding", "en", E, S, "low", "What does the `git stash` command do?", "basic tool lookup")
add("coding", "de", S, P, "medium", "Schreibe eine Python-Funktion, die prüft, ob eine E-Mail-Adresse ein gültiges Format hat, und erkläre den regulären Ausdruck.")
add("coding", "en", P, F, "high", "Design the data model and API for a multi-tenant task tracker that must support per-tenant rate limits, soft deletes, and audit logs. Discuss consistency trade-offs.", "system design")

for r in R:
    assert r["gain"] in ("low", "medium", "high")
with open("everyday-prompts.jsonl", "w", encoding="utf-8") as fh:
    for r in R:
        fh.write(json.dumps(r, ensure_ascii=False) + "\n")
print(len(R), "prompts;", len(set(r["language"] for r in R)), "languages")
