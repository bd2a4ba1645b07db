using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SeriousCases.Core.Investigations;

/// <summary>A kind of file the evidence log accepts: its extensions, the type it is served as, and how its
/// content proves it is what its name says.</summary>
public sealed record EvidenceFileKind(string Name, string ContentType, IReadOnlyList<string> Extensions);

/// <summary>What the rules made of a file: the error to show, or the kind it is and a safe name to keep.</summary>
public sealed record EvidenceFileCheck(string? Error, EvidenceFileKind? Kind, string FileName)
{
    public bool Accepted => Error is null;
}

/// <summary>Which files may be attached to an IPR's evidence log. Pure rules: the extension must be one of the
/// allowed kinds AND the content must be that kind (checked from its leading bytes, and for Office and
/// OpenDocument files from the package inside), so a file whose name lies about its type is refused.</summary>
public static class EvidenceFileRules
{
    public const long MaxBytes = 20 * 1024 * 1024;
    public const int FileNameMax = 255;

    /// <summary>The largest upload request: the largest file, with room for a description, a token and the multipart framing.</summary>
    public const long MaxRequestBytes = MaxBytes + (1024 * 1024);

    public const string NoFile = "Select a file to upload";
    public const string Empty = "The selected file is empty";
    public const string TooLarge = "The selected file must be smaller than 20 MB";
    public const string WrongType = "The selected file must be a PDF, Word document, Excel spreadsheet, OpenDocument text or spreadsheet, PNG, JPEG, text or CSV file";

    public static readonly EvidenceFileKind Pdf = new("PDF", "application/pdf", [".pdf"]);
    public static readonly EvidenceFileKind Word = new("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"]);
    public static readonly EvidenceFileKind Excel = new("Excel spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"]);
    public static readonly EvidenceFileKind OdfText = new("OpenDocument text", "application/vnd.oasis.opendocument.text", [".odt"]);
    public static readonly EvidenceFileKind OdfSpreadsheet = new("OpenDocument spreadsheet", "application/vnd.oasis.opendocument.spreadsheet", [".ods"]);
    public static readonly EvidenceFileKind Png = new("PNG image", "image/png", [".png"]);
    public static readonly EvidenceFileKind Jpeg = new("JPEG image", "image/jpeg", [".jpg", ".jpeg"]);
    public static readonly EvidenceFileKind Text = new("text file", "text/plain", [".txt"]);
    public static readonly EvidenceFileKind Csv = new("CSV file", "text/csv", [".csv"]);

    public static readonly IReadOnlyList<EvidenceFileKind> Kinds = [Pdf, Word, Excel, OdfText, OdfSpreadsheet, Png, Jpeg, Text, Csv];

    /// <summary>For the file input's accept attribute (a hint to the browser; the server still checks).</summary>
    public static string Accept => string.Join(',', Kinds.SelectMany(k => k.Extensions));

    /// <summary>Checks a file's name, size and content. <paramref name="size"/> is checked before the content,
    /// so a caller may pass an empty span for a file it did not read because it was too large.</summary>
    public static EvidenceFileCheck Check(string? fileName, long size, ReadOnlySpan<byte> content)
    {
        var name = SafeFileName(fileName);
        if (string.IsNullOrEmpty(name))
        {
            return new(NoFile, null, "");
        }

        if (size <= 0)
        {
            return new(Empty, null, name);
        }

        if (size > MaxBytes)
        {
            return new(TooLarge, null, name);
        }

        if (name.Length > FileNameMax)
        {
            return new($"The file name must be {FileNameMax} characters or fewer. Rename the file and select it again", null, name);
        }

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var kind = Kinds.FirstOrDefault(k => k.Extensions.Contains(extension));
        if (kind is null)
        {
            return new(WrongType, null, name);
        }

        return IsA(kind, content)
            ? new(null, kind, name)
            : new($"The selected file is named {extension} but is not a {kind.Name}. Select the original file, or save it again as a {kind.Name}", null, name);
    }

    /// <summary>The name without any folder a browser sent with it, without control characters, trimmed.</summary>
    public static string SafeFileName(string? fileName)
    {
        if (string.IsNullOrWhiteSpace(fileName))
        {
            return "";
        }

        var last = fileName.Split('/', '\\')[^1];
        var clean = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            clean.Append(char.IsControl(c) || c is '"' ? '_' : c);
        }

        return clean.ToString().Trim().TrimEnd('.');
    }

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static bool IsA(EvidenceFileKind kind, ReadOnlySpan<byte> content)
    {
        if (kind == Pdf)
        {
            return content.StartsWith("%PDF-"u8);
        }

        if (kind == Png)
        {
            return content.StartsWith(PngSignature);
        }

        if (kind == Jpeg)
        {
            return content.StartsWith(JpegSignature);
        }

        if (kind == Text || kind == Csv)
        {
            return IsText(content);
        }

        // Office Open XML and OpenDocument files are zip packages: "PK\3\4", then what the package holds.
        if (!content.StartsWith("PK\u0003\u0004"u8))
        {
            return false;
        }

        return kind == OdfText || kind == OdfSpreadsheet
            ? OdfMimeType(content) == kind.ContentType
            : HasEntry(content, kind == Word ? "word/document.xml" : "xl/workbook.xml");
    }

    /// <summary>Text is UTF-8 (a byte order mark allowed) without NUL bytes; that rules out binaries renamed .txt.</summary>
    private static bool IsText(ReadOnlySpan<byte> content)
    {
        if (content.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>An OpenDocument file starts with an uncompressed entry named "mimetype" holding its type.</summary>
    private static string? OdfMimeType(ReadOnlySpan<byte> content)
    {
        const int nameAt = 30;
        if (content.Length < nameAt + 8 || !content[nameAt..].StartsWith("mimetype"u8))
        {
            return null;
        }

        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(content[26..28]);
        var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(content[28..30]);
        var size = BinaryPrimitives.ReadInt32LittleEndian(content[18..22]);
        var start = nameAt + nameLength + extraLength;
        return size is > 0 and < 100 && content.Length >= start + size ? Encoding.ASCII.GetString(content.Slice(start, size)) : null;
    }

    private static bool HasEntry(ReadOnlySpan<byte> content, string entry)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            return zip.GetEntry(entry) is not null;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
