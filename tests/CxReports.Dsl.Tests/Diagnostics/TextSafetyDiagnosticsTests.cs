using CxReports.Dsl.Diagnostics;

namespace CxReports.Dsl.Tests.Diagnostics;

/// <summary>
/// CXR033 control characters in strings (refused: a NUL cut the text short in SQL), CXR034 names mixing writing
/// systems and CXR035 invisible bidirectional controls (warnings: the text still means what it says, but does not
/// show it).
/// </summary>
public class TextSafetyDiagnosticsTests
{
    private const string ControlHint = "delete it; write a line break as \\n and a tab as \\t";
    private const string BidiHint = "delete it; CXR text never needs it";

    [Fact]
    public void A_NUL_inside_a_string_is_an_error_at_its_own_column()
    {
        // `metric m "` is 10 characters; 'a' is column 11 and the NUL column 12.
        Cxr.Single("metric m \"a\0b\" = nps").Is(DiagnosticCode.ControlCharacter, "x.cxr:1:12",
            "string contains the control character U+0000", ControlHint);
    }

    [Theory]
    [InlineData('\u0001')]
    [InlineData('\u0008')]
    [InlineData('\u000B')]
    [InlineData('\u001B')]
    [InlineData('\u007F')]
    [InlineData('\u0085')]
    [InlineData('\u009F')]
    public void Every_C0_and_C1_control_other_than_tab_is_refused_in_a_string(char control)
    {
        // `report r "x` is 11 characters: the control is column 12.
        Cxr.Single($"report r \"x{control}\" {{\n}}").Is(DiagnosticCode.ControlCharacter, "x.cxr:1:12",
            $"string contains the control character U+{(int)control:X4}", ControlHint);
    }

    [Fact]
    public void A_tab_typed_into_a_string_and_the_escapes_for_line_break_and_tab_are_fine()
    {
        Assert.Empty(Cxr.Compile("report r \"a\tb\\tc\\nd\" {\n}"));
    }

    [Fact]
    public void A_right_to_left_override_in_a_title_is_a_warning_at_its_column()
    {
        Cxr.Single("report r \"Q1 \u202Eevitcepsorter\" {\n}").Is(DiagnosticCode.BidiControl, "x.cxr:1:14",
            "string contains the invisible bidirectional control U+202E, which changes how the text around it is displayed", BidiHint);
    }

    [Theory]
    [InlineData('\u061C')]
    [InlineData('\u200E')]
    [InlineData('\u200F')]
    [InlineData('\u202A')]
    [InlineData('\u202D')]
    [InlineData('\u2066')]
    [InlineData('\u2069')]
    public void Every_bidirectional_control_in_a_comment_is_a_warning(char control)
    {
        // The comment starts at column 17; "# ok " puts the control at column 22.
        Cxr.Single($"metric m = nps  # ok {control}\n").Is(DiagnosticCode.BidiControl, "x.cxr:1:22",
            $"comment contains the invisible bidirectional control U+{(int)control:X4}, which can make the code around it display in another order", BidiHint);
    }

    [Fact]
    public void A_bidirectional_control_inside_a_name_is_an_unexpected_character()
    {
        Assert.Equal(DiagnosticCode.UnexpectedCharacter, Cxr.Compile("metric n\u202Eps = nps")[0].Code);
    }

    [Fact]
    public void A_name_with_a_Cyrillic_letter_among_Latin_ones_is_a_warning_once_per_file()
    {
        var diagnostic = Cxr.Single("metric n\u0440s = nps\nmetric twice = n\u0440s + 1");
        diagnostic.Is(DiagnosticCode.MixedScripts, "x.cxr:1:8",
            "name 'n\u0440s' mixes Latin and Cyrillic letters, so it can look like another name",
            "write each name in one writing system; retype the letters that came from another keyboard layout");
    }

    [Theory]
    [InlineData("müşteri_no")]
    [InlineData("sağlıklı_2")]
    [InlineData("\u043A\u043B\u0438\u0435\u043D\u0442")]
    [InlineData("\u9867\u5BA2\u30C7\u30FC\u30BF")]
    public void Names_in_one_writing_system_are_fine(string name)
    {
        Assert.Empty(Cxr.Compile($"metric {name} = nps"));
    }
}
