namespace CxReports.Demo;

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
}
