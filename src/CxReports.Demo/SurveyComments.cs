namespace CxReports.Demo;

/// <summary>
/// Free-text survey comments by sentiment. Some hold commas, double quotes and line breaks on purpose: they are the
/// fields that break naive CSV readers.
/// </summary>
internal static class SurveyComments
{
    internal static readonly string[] Promoter =
    [
        "Raporlar çok hızlı, ekip de ilgili.",
        "Harika bir ürün, herkese tavsiye ediyorum.",
        "\"Panel\" ekranı işimizi çok kolaylaştırdı.",
        "Teşekkürler!\nHer şey yolunda.",
        "Kurulum kolaydı, destek ekibi hızlı döndü.",
        "Fiyat/performans olarak piyasadaki en iyi çözüm.",
        "Ekibimiz her sabah ilk iş raporlara bakıyor",
    ];

    internal static readonly string[] Passive =
    [
        "Genel olarak memnunuz, ama dışa aktarma yavaş.",
        "İyi, fakat mobil uygulama eksik.",
        "Fena değil.",
        "Bazı raporlar karışık, eğitim videosu olsa iyi olur.",
        "Ürün iyi; fiyatlar biraz yüksek.\nYıllık ödemede indirim bekliyoruz.",
        "Destek iyi ama \"acil\" taleplerde daha hızlı olabilir.",
    ];

    internal static readonly string[] Detractor =
    [
        "Fiyat çok yüksek, indirim bekliyoruz.",
        "Destek ekibi geç dönüyor.\nİki gündür yanıt yok.",
        "Dışa aktarma \"hata\" veriyor, düzeltilmeli!",
        "Sürekli oturum kapanıyor, çok can sıkıcı.",
        "Rakip firma daha ucuz, aynı özellikleri sunuyor.",
        "Fatura iki kez kesildi,\niade hâlâ yapılmadı.\nLütfen dönüş yapın.",
        "Beklediğimiz gibi değil",
    ];

    /// <summary>Comments that only make sense once the programme runs: customers notice the new team and follow-ups.</summary>
    internal static readonly string[] Programme =
    [
        "Yeni müşteri temsilcimiz çok ilgili, teşekkürler.",
        "Geri bildirimlerimizden sonra aranmak güzeldi.",
        "Aylık \"başarı görüşmeleri\" çok faydalı, devam edin.",
        "Eskiden destek yavaştı, şimdi aynı gün dönüyorsunuz.",
    ];
}
