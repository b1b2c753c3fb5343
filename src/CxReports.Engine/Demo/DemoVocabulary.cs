namespace CxReports.Engine.Demo;

/// <summary>Turkish names and labels the CRM export is built from, with rough real-world weights.</summary>
internal static class DemoVocabulary
{
    public static readonly (string Item, double Weight)[] Cities =
    [
        ("İstanbul", 38), ("Ankara", 15), ("İzmir", 13), ("Bursa", 8), ("Antalya", 7), ("Kocaeli", 4),
        ("Eskişehir", 4), ("Konya", 3), ("Muğla", 3), ("Gaziantep", 2), ("Kayseri", 2), ("Trabzon", 1),
    ];

    public static readonly (string Item, double Weight)[] Titles =
    [
        ("Genel Müdür", 14), ("Pazarlama Müdürü", 18), ("Satın Alma Uzmanı", 12), ("Müşteri Deneyimi Lideri", 10),
        ("BT Yöneticisi", 14), ("Satış Direktörü", 9), ("Operasyon Müdürü", 10), ("Finans Müdürü", 6),
        ("Kurucu Ortak", 7),
    ];

    public static readonly string[] Surnames =
    [
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın", "Özdemir", "Arslan",
        "Doğan", "Kılıç", "Aslan", "Çetin", "Kara", "Koç", "Kurt", "Özkan", "Şimşek", "Polat", "Korkmaz", "Erdoğan",
        "Güneş", "Aksoy", "Bulut", "Tekin", "Ekinci", "Uçar", "Gök", "Karaca", "Avcı", "Başaran", "Sarı", "Erdem",
    ];

    public static readonly string[] Brands =
    [
        "Anadolu", "Ege", "Marmara", "Boğaziçi", "Kapadokya", "Toros", "Akdeniz", "Karadeniz", "Pamukkale", "Efes",
        "Truva", "Yeşilvadi", "Mavi Deniz", "Birlik", "Umut", "Çınar", "Lale", "Defne", "Nilüfer", "Gökkuşağı",
    ];

    public static readonly string[] Sectors =
    [
        "Tekstil", "Gıda", "Lojistik", "Yazılım", "İnşaat", "Turizm", "Mobilya", "Otomotiv", "Kozmetik", "Enerji",
        "Danışmanlık", "Eğitim", "Sağlık Hizmetleri", "Ambalaj", "Tarım", "Medya", "Perakende", "Elektronik", "Kimya",
    ];

    public static readonly string[] Suffixes =
    [
        "A.Ş.", "Ltd. Şti.", "San. ve Tic. A.Ş.", "San. Tic. Ltd. Şti.", "Ticaret", "", "A.Ş.", "Ltd. Şti.",
    ];

    /// <summary>
    /// A company name. About one in twenty-five carries a semicolon or double quotes, as hand-typed CRM names do,
    /// so a reader that splits on <c>;</c> without honouring quotes breaks on this file.
    /// </summary>
    public static string CompanyName(Random rng)
    {
        string surname = rng.Pick(Surnames), sector = rng.Pick(Sectors), suffix = rng.Pick(Suffixes);
        string name = rng.Next(25) switch
        {
            0 => $"{surname}; Ortakları",
            1 => $"{rng.Pick(Brands)} \"{rng.Pick(Surnames)}\" {sector}",
            2 => $"{surname} & {rng.Pick(Surnames)}; {sector} {suffix}",
            < 12 => $"{surname} {sector} {suffix}",
            < 20 => $"{rng.Pick(Brands)} {sector} {suffix}",
            _ => $"{surname} Grup {suffix}",
        };
        return name.TrimEnd();
    }
}
