namespace CxReports.Demo.Simulation;

/// <summary>
/// <c>ayrilislar.csv</c>: one churn event per churned customer, from the same Excel-style export as the customer
/// list (UTF-8 with BOM, <c>;</c>, <c>DD.MM.YYYY</c>, CRLF), in date order.
/// </summary>
internal static class ChurnFileWriter
{
    public static int Write(string directory, IReadOnlyList<DemoCustomer> customers) =>
        DemoFile.Write(directory, DemoFiles.Churns, DemoFile.Utf8Bom, "\r\n", writer =>
        {
            writer.WriteLine("musteri_no;ayrilis_tarihi;neden");
            int rows = 0;
            foreach (DemoCustomer c in customers.Where(c => c.Churn is not null).OrderBy(c => c.Churn).ThenBy(c => c.Number))
            {
                CsvText.WriteRow(writer, ';', c.Id, CsvText.DayMonthYear(c.Churn!.Value), c.ChurnReason);
                rows++;
            }
            return rows;
        });
}
