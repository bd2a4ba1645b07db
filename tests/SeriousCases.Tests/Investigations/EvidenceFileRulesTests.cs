using System.IO.Compression;
using System.Text;
using SeriousCases.Core.Investigations;

namespace SeriousCases.Tests.Investigations;

/// <summary>Which files the evidence log accepts: the name and the content must agree, within the size limit.</summary>
public sealed class EvidenceFileRulesTests
{
    public static byte[] Pdf() => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 16, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0];

    /// <summary>A zip package holding <paramref name="entries"/>, the first stored uncompressed (as OpenDocument wants its mimetype).</summary>
    public static byte[] Package(params (string Name, string Content)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var n = 0; n < entries.Length; n++)
            {
                var entry = zip.CreateEntry(entries[n].Name, n == 0 ? CompressionLevel.NoCompression : CompressionLevel.Optimal);
                using var writer = new StreamWriter(entry.Open(), new UTF8Encoding(false));
                writer.Write(entries[n].Content);
            }
        }

        return stream.ToArray();
    }

    public static byte[] Docx() => Package(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w:document/>"));

    public static byte[] Xlsx() => Package(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<workbook/>"));

    public static byte[] Odt() => Package(("mimetype", "application/vnd.oasis.opendocument.text"), ("content.xml", "<office:document-content/>"));

    public static byte[] Ods() => Package(("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), ("content.xml", "<office:document-content/>"));

    private static EvidenceFileCheck Check(string name, byte[] content) => EvidenceFileRules.Check(name, content.Length, content);

    public static TheoryData<string, string> Accepted => new()
    {
        { "notes.pdf", "application/pdf" },
        { "SCAN.PDF", "application/pdf" },
        { "letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "payments.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "minutes.odt", "application/vnd.oasis.opendocument.text" },
        { "claims.ods", "application/vnd.oasis.opendocument.spreadsheet" },
        { "screen.png", "image/png" },
        { "photo.jpg", "image/jpeg" },
        { "photo.jpeg", "image/jpeg" },
        { "journal.txt", "text/plain" },
        { "contacts.csv", "text/csv" },
    };

    private static byte[] ContentFor(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".pdf" => Pdf(),
        ".docx" => Docx(),
        ".xlsx" => Xlsx(),
        ".odt" => Odt(),
        ".ods" => Ods(),
        ".png" => Png(),
        ".jpg" or ".jpeg" => Jpeg(),
        ".txt" => Encoding.UTF8.GetBytes("14 Feb 2022: customer called about a missed payment – £120.\n"),
        _ => Encoding.UTF8.GetBytes("date,line,what\n2022-02-14,UC,Call\n"),
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void A_file_whose_content_is_what_its_name_says_is_accepted_with_its_type(string name, string contentType)
    {
        var check = Check(name, ContentFor(name));
        Assert.Null(check.Error);
        Assert.Equal(contentType, check.Kind!.ContentType);
        Assert.Equal(name, check.FileName);
    }

    [Theory]
    [InlineData("report.pdf", "png")]
    [InlineData("photo.jpg", "pdf")]
    [InlineData("letter.docx", "xlsx")]
    [InlineData("payments.xlsx", "docx")]
    [InlineData("minutes.odt", "ods")]
    [InlineData("claims.ods", "odt")]
    [InlineData("letter.docx", "zip")]
    [InlineData("letter.docx", "pdf")]
    [InlineData("journal.txt", "png")]
    [InlineData("contacts.csv", "latin1")]
    [InlineData("screen.png", "jpeg")]
    public void A_file_whose_name_lies_about_its_content_is_refused(string name, string actually)
    {
        var content = actually switch
        {
            "png" => Png(),
            "pdf" => Pdf(),
            "jpeg" => Jpeg(),
            "xlsx" => Xlsx(),
            "docx" => Docx(),
            "ods" => Ods(),
            "odt" => Odt(),
            "zip" => Package(("readme.txt", "not an office document")),
            _ => [0x63, 0x61, 0x66, 0xE9, 0x2C, 0x31, 0x0A], // "café" in Latin-1: not UTF-8
        };
        var check = Check(name, content);
        Assert.Null(check.Kind);
        Assert.StartsWith($"The selected file is named {Path.GetExtension(name)} but is not a", check.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("macro.docm")]
    [InlineData("page.html")]
    [InlineData("no-extension")]
    [InlineData("archive.pdf.zip")]
    public void Other_kinds_of_file_are_refused_with_the_list_of_allowed_kinds(string name)
    {
        Assert.Equal(EvidenceFileRules.WrongType, Check(name, Pdf()).Error);
        Assert.StartsWith("The selected file must be a PDF, Word document", EvidenceFileRules.WrongType, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_files_files_over_20_MB_and_no_file_are_refused()
    {
        Assert.Equal("The selected file is empty", Check("notes.pdf", []).Error);
        Assert.Equal("The selected file must be smaller than 20 MB", EvidenceFileRules.Check("notes.pdf", EvidenceFileRules.MaxBytes + 1, Pdf()).Error);
        Assert.Null(EvidenceFileRules.Check("notes.pdf", EvidenceFileRules.MaxBytes, Pdf()).Error);
        Assert.Equal(20 * 1024 * 1024, EvidenceFileRules.MaxBytes);
        Assert.Equal("Select a file to upload", EvidenceFileRules.Check(null, 10, Pdf()).Error);
        Assert.Equal("Select a file to upload", EvidenceFileRules.Check("  ", 10, Pdf()).Error);
        Assert.Contains("255 characters or fewer", Check(new string('a', 252) + ".pdf", Pdf()).Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(@"C:\Users\case.worker\Documents\journal.pdf", "journal.pdf")]
    [InlineData("../../etc/notes.pdf", "notes.pdf")]
    [InlineData("line\r\nbreak \"quoted\".pdf", "line__break _quoted_.pdf")]
    [InlineData("  spaced.pdf  ", "spaced.pdf")]
    public void The_name_kept_has_no_folder_and_no_control_characters(string sent, string kept)
    {
        Assert.Equal(kept, EvidenceFileRules.SafeFileName(sent));
        Assert.Equal(kept, Check(sent, Pdf()).FileName);
    }
}
