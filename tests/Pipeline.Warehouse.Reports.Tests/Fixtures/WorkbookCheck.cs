using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Pipeline.Warehouse.Reports.Tests.Fixtures;

/// <summary>Open XML SDK validation of a written workbook.</summary>
public static class WorkbookCheck
{
    /// <summary>Every schema and semantic error of the file, as "part: description" lines.</summary>
    public static List<string> Errors(string path)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        return new OpenXmlValidator()
            .Validate(document)
            .Select(error => $"{Path.GetFileName(path)} {error.Part?.Uri}: {error.Path?.XPath}: {error.Description}")
            .ToList();
    }
}
