using System.IO.Compression;
using System.Text;
using Rectification.Data.Evidence;

namespace Rectification.Tests.Data.Evidence;

public sealed class FileTypesTests
{
    private static byte[] Zip(params string[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }
        return buffer.ToArray();
    }

    public static TheoryData<byte[], string, string?> Samples => new()
    {
        { Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj"), "纪要.pdf", "pdf" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "现场照片.PNG", "png" },
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F'], "IMG_0001.jpeg", "jpg" },
        { Zip("[Content_Types].xml", "word/document.xml"), "制度.docx", "docx" },
        { Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), "台账.xlsx", "xlsx" },
        { Zip("OFD.xml", "Doc_0/Document.xml"), "发文.ofd", "ofd" },
        { Encoding.UTF8.GetBytes("序号,整改措施,责任人\n1-1-1,召开专题会议,刘洋\n"), "台账.csv", "csv" },
        { Encoding.UTF8.GetBytes("已于11月20日召开专题会议。"), "说明.txt", "txt" },
        // A renamed executable, a plain archive, an ELF binary and a Java archive are refused whatever their names.
        { [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0], "整改报告.pdf", null },
        { Zip("setup.exe", "readme.txt"), "材料.docx", null },
        { [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0], "照片.jpg", null },
        { Zip("META-INF/MANIFEST.MF", "a/B.class"), "表格.xlsx", null },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "截断.docx", null },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_type_comes_from_the_content_not_the_name(byte[] content, string name, string? expected)
    {
        Assert.Equal(expected, FileTypes.Detect(content, name)?.Name);
    }
}
