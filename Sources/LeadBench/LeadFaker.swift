import LeadCore

/// A reproducible source of random numbers (SplitMix64): one seed, one log, byte for byte.
struct SeededRandom: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }

  /// True with probability `share`.
  mutating func chance(_ share: Double) -> Bool {
    Double.random(in: 0..<1, using: &self) < share
  }
}

/// Leads as call-center operators type them: Russian names (ё included, and spelled without
/// it), phones in the formats people dictate, e-mails for some, short comments.
struct LeadFaker {
  static let maleFirstNames = [
    "Иван", "Пётр", "Алексей", "Сергей", "Дмитрий", "Артём", "Фёдор", "Семён", "Михаил",
    "Андрей", "Николай", "Егор", "Максим", "Илья", "Кирилл", "Роман", "Олег", "Юрий",
    "Владимир", "Григорий", "Лёва", "Тимофей",
  ]
  static let femaleFirstNames = [
    "Мария", "Алёна", "Ольга", "Наталья", "Ксения", "Дарья", "Анастасия", "Екатерина",
    "Татьяна", "Юлия", "Светлана", "Ирина", "Елена", "Пелагея", "Зинаида", "Лидия", "Полина",
    "Софья", "Вероника", "Фёкла",
  ]
  /// Male forms; the female form adds `а` (or turns `-ский` into `-ская`).
  static let lastNames = [
    "Иванов", "Петров", "Смирнов", "Кузнецов", "Соловьёв", "Королёв", "Ковалёв", "Ковалев",
    "Воробьёв", "Пугачёв", "Горбачёв", "Попов", "Васильев", "Новиков", "Фёдоров", "Федоров",
    "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
    "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев",
    "Соколов", "Михайлов", "Яковлев", "Поляков", "Сорокин", "Виноградов", "Вишневский",
    "Островский", "Ершов", "Клёнов",
  ]
  static let comments = [
    "Перезвонить после 18:00", "Интересует доставка в регион", "Просит счёт на юрлицо",
    "Звонил по рекламе на радио", "Нужна консультация по тарифам", "Повторное обращение",
    "Клиент из Екатеринбурга, время +2 ч", "Хочет скидку 10%", "Оставил заявку на сайте вчера",
    "Не дозвонились, написать на почту", "Ждёт коммерческое предложение",
    "Срочно! Перезвонить до обеда", "Спрашивал про рассрочку", "Номер продиктовал по буквам",
  ]
  static let cities = ["Москва", "Санкт-Петербург", "Екатеринбург", "Казань", "Орёл", "Пермь"]
  static let mailDomains = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "inbox.ru", "почта.рф"]
  static let mobilePrefixes = ["912", "903", "916", "926", "985", "999", "921", "950", "977"]

  var random: SeededRandom

  /// A lead: a phone for nine in ten, an e-mail for four in ten, never neither.
  mutating func lead() -> Lead {
    let female = random.chance(0.5)
    let firstName = pick(female ? Self.femaleFirstNames : Self.maleFirstNames)
    let lastName = Self.lastNameForm(pick(Self.lastNames), female: female)
    let hasPhone = random.chance(0.9)
    let phone = hasPhone ? self.phone() : ""
    let email = !hasPhone || random.chance(0.4) ? self.email(firstName, lastName) : ""
    let comment = random.chance(0.35) ? pick(Self.comments) : ""
    var extra: [ExtraField] = []
    if random.chance(0.1) {
      extra.append(ExtraField(code: "city", value: pick(Self.cities)))
    }
    return Lead(
      firstName: firstName, lastName: random.chance(0.92) ? lastName : "", phone: phone,
      email: email, comment: comment, extraFields: extra)
  }

  /// A phone as an operator types what the client dictates.
  mutating func phone() -> String {
    let code = random.chance(0.9) ? pick(Self.mobilePrefixes) : pick(["495", "499", "812"])
    let digits = (0..<7).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
    let head = digits.prefix(3)
    let middle = digits.dropFirst(3).prefix(2)
    let tail = digits.suffix(2)
    switch Int.random(in: 0..<6, using: &random) {
    case 0: return "8 (\(code)) \(head)-\(middle)-\(tail)"
    case 1: return "+7 \(code) \(head)-\(middle)-\(tail)"
    case 2: return "8\(code)\(digits)"
    case 3: return "+7(\(code))\(digits)"
    case 4: return "8-\(code)-\(head)-\(middle)-\(tail)"
    default: return "7\(code)\(digits)"
    }
  }

  /// An e-mail made from the name, as people pick them.
  mutating func email(_ firstName: String, _ lastName: String) -> String {
    let first = Self.transliterated(firstName)
    let last = Self.transliterated(lastName)
    let number = Int.random(in: 1...99, using: &random)
    let local =
      switch Int.random(in: 0..<4, using: &random) {
      case 0: "\(first).\(last)"
      case 1: "\(first.prefix(1))\(last)\(number)"
      case 2: "\(last)_\(number)"
      default: "\(first)\(1970 + number % 40)"
      }
    let domain = pick(Self.mailDomains)
    return random.chance(0.1) ? "\(local.capitalized)@\(domain)" : "\(local)@\(domain)"
  }

  mutating func pick(_ list: [String]) -> String {
    list[Int.random(in: 0..<list.count, using: &random)]
  }

  static func lastNameForm(_ male: String, female: Bool) -> String {
    guard female else { return male }
    if male.hasSuffix("ский") { return String(male.dropLast(2)) + "ая" }
    return male + "а"
  }

  /// Latin letters for a Russian name, the way people spell their mailbox.
  static func transliterated(_ text: String) -> String {
    let table: [Character: String] = [
      "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
      "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
      "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch",
      "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    ]
    return text.lowercased().map { table[$0] ?? String($0) }.joined()
  }
}
