namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>musteriler.csv</c>: the CRM export as a Turkish Excel writes it (UTF-8 with BOM, <c>;</c>, decimal comma,
/// <c>DD.MM.YYYY</c>, CRLF), including a few blank lines in the middle as real exports have.
/// </summary>
internal static class CustomerFileWriter
{
    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers, Random rng)
    {
        // Positions are drawn before writing so the rows themselves do not depend on where the gaps fall.
        var blankBefore = new HashSet<int>();
        for (int i = 0; i < 3 && customers.Count > 1; i++) blankBefore.Add(1 + rng.Next(customers.Count - 1));

        return DemoFile.Write(directory, DemoFiles.Customers, DemoFile.Utf8Bom, "\r\n", writer =>
        {
            writer.WriteLine("musteri_no;ad;paket;aylik_ucret;sozlesme_degeri;sehir;yas;unvan;web_ziyaret;kayit_tarihi");
            for (int i = 0; i < customers.Count; i++)
            {
                if (blankBefore.Contains(i)) writer.WriteLine();
                DemoCustomer c = customers[i];
                CsvText.WriteRow(writer, ';',
                    c.Id,
                    c.Name,
                    PlanName(c.Plan),
                    CsvText.DecimalComma(c.Fee),
                    CsvText.DecimalComma(c.Fee * 12 * c.ContractYears),
                    c.City,
                    CsvText.Int(c.Age),
                    c.Title,
                    CsvText.Int(c.WebVisits),
                    CsvText.DayMonthYear(c.Signup));
            }
            return customers.Count;
        });
    }

    public static string PlanName(DemoPlan plan) => plan switch
    {
        DemoPlan.Basic => "basic",
        DemoPlan.Pro => "pro",
        _ => "enterprise",
    };
}
