using Rectification.Data.Import;
using Rectification.Data.Ledger;

namespace Rectification.Tests.Data.Import;

public sealed class LedgerSheetReaderTests : IDisposable
{
    private readonly SheetFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static readonly object?[] ChineseHeader =
        ["序号", "方面", "存在问题", "整改措施", "责任领导", "责任部门", "配合部门", "责任人：", "整改 时限\n", "整改进展", "状态"];

    /// <summary>Title row, spacer rows, an aspect heading merged over the row, a problem merged over its three measures,
    /// full-width text, several officers per cell, an Excel date cell and a bare date serial.</summary>
    private string MessySheet() => _files.Xlsx("messy.xlsx", new Dictionary<int, object?[]>
    {
        [1] = ["2021年XX县委第三轮巡察整改台账"],
        [3] = ChineseHeader,
        [4] = ["一、聚焦贯彻落实方面", "一、聚焦贯彻落实方面", "一、聚焦贯彻落实方面", "一、聚焦贯彻落实方面", "一、聚焦贯彻落实方面"],
        [5] = ["1.", null, "学习 不深入", "组织专题学习", "王建国", "办公室", "机关党支部、宣传科", "张三、李四", new DateTime(2021, 12, 31), "已学习", "已完成"],
        [6] = ["２", null, null, "建立制度", "王建国", "办公室", null, "张三，李四", "2021年12月底前", "起草中", "整改中"],
        [7] = ["3", null, null, "长期抓", "王建国", "办公室", null, "李四\n王五", "立行立改，长期坚持", null, null],
        [9] = ["4", "第二方面", "问题二", "措施四", null, "办公室", null, "赵六", "下半年", null, "未开始"],
        [10] = ["5", "第二方面", "问题二", "措施五", "李明", "科室", null, "ＺＨＡＯ Liu", 44561.0, null, "done"],
    }, "A1:K1", "A4:E4", "C5:C7");

    [Fact]
    public void Reads_a_messy_real_world_sheet()
    {
        var result = LedgerSheetReader.Read(MessySheet());

        Assert.Empty(result.Errors);
        var draft = Assert.IsType<LedgerDraft>(result.Draft);
        Assert.Equal("2021年XX县委第三轮巡察整改台账", draft.Inspection.Title);
        Assert.Equal(["1", "2", "3", "4", "5"], draft.Tasks.Select(t => t.Code));
        Assert.Equal([5, 6, 7, 9, 10], draft.Tasks.Select(t => t.Row));
        Assert.Equal(["聚焦贯彻落实方面", "聚焦贯彻落实方面", "聚焦贯彻落实方面", "第二方面", "第二方面"], draft.Tasks.Select(t => t.Aspect));
        Assert.Equal(["张三", "李四"], draft.Tasks[0].Officers);
        Assert.Equal(["张三", "李四"], draft.Tasks[1].Officers);
        Assert.Equal(["李四", "王五"], draft.Tasks[2].Officers);
        Assert.Equal(["ZHAO Liu"], draft.Tasks[4].Officers);
        Assert.Equal(["机关党支部", "宣传科"], draft.Tasks[0].CoDepartments);
        Assert.Equal("王建国", draft.Tasks[0].Leader);
        Assert.Null(draft.Tasks[3].Leader);
        Assert.Equal("已学习", draft.Tasks[0].Progress);
    }

    [Fact]
    public void Reads_merged_problem_cells_over_their_measures()
    {
        var draft = LedgerSheetReader.Read(MessySheet()).Draft!;

        Assert.Equal(["学习 不深入", "学习 不深入", "学习 不深入", "问题二", "问题二"], draft.Tasks.Select(t => t.Problem));
    }

    [Fact]
    public void Reads_time_limits_and_statuses_of_a_sheet_with_the_title_year_as_context()
    {
        var draft = LedgerSheetReader.Read(MessySheet()).Draft!;

        Assert.Equal(
            [TimeLimit.On(new DateOnly(2021, 12, 31)), TimeLimit.On(new DateOnly(2021, 12, 31)), TimeLimit.Ongoing,
             TimeLimit.On(new DateOnly(2021, 12, 31)), TimeLimit.On(new DateOnly(2021, 12, 31))],
            draft.Tasks.Select(t => t.TimeLimit));
        Assert.Equal("立行立改，长期坚持", draft.Tasks[2].TimeLimitText);
        Assert.Equal(
            [RectificationStatus.Done, RectificationStatus.InProgress, null, RectificationStatus.NotStarted, RectificationStatus.Done],
            draft.Tasks.Select(t => t.Status));
    }

    [Fact]
    public void Reports_every_error_of_a_bad_sheet_with_its_row_and_column_and_gives_no_draft()
    {
        var path = _files.Xlsx("bad.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["巡察整改台账"],
            [2] = ChineseHeader,
            [3] = ["1", "方面一", "问题一", null, null, "办公室", null, "张三", "2021-12-31", null, null],
            [4] = ["2", "方面一", "问题一", "措施二", null, "办公室", null, null, "尽快", null, null],
            [5] = ["2", "方面一", "问题一", "措施三", null, "办公室", null, "张三", "2021年13月", null, null],
            [7] = ["4", "方面一", "问题一", "措施四", "王建国、李明", "办公室", null, "张三 李四", "下半年", null, "搞定"],
            [8] = ["5", "方面一", "问题一", "措施五", null, "办公室", null, "张三", "2022年3月", null, null],
        });

        var result = LedgerSheetReader.Read(path);

        Assert.Null(result.Draft);
        Assert.False(result.Succeeded);
        Assert.Equal(
            [
                (3, "整改措施", ImportErrorCodes.MeasureMissing),
                (4, "责任人:", ImportErrorCodes.OfficerMissing),
                (4, "整改 时限", ImportErrorCodes.TimeLimitUnrecognised),
                (4, "序号", ImportErrorCodes.CodeDuplicate),
                (5, "整改 时限", ImportErrorCodes.TimeLimitInvalidDate),
                (5, "序号", ImportErrorCodes.CodeDuplicate),
                (7, "责任领导", ImportErrorCodes.LeaderSeveral),
                (7, "责任人:", ImportErrorCodes.OfficersUnclear),
                (7, "整改 时限", ImportErrorCodes.TimeLimitNoYear),
                (7, "状态", ImportErrorCodes.StatusUnknown),
            ],
            result.Errors.Select(e => (e.Row, e.Column, e.Code)));
        Assert.Equal("尽快", result.Errors[2].Value);
    }

    [Fact]
    public void Reads_a_csv_with_english_headers_blank_continuation_cells_and_generated_codes()
    {
        var path = _files.Csv("ledger.csv", """
            Inspection of the county bureau 2022,,,,,,
            Aspect,Finding,Task,Lead department,Responsible officer(s),Deadline,Status,Percent
            Study,Study is shallow,"Organise study
            sessions",Office,"Zhang San, Li Si",2022-06-30,in progress,40%
            ,,Set up rules,Office,Li Si,second half,,

            Discipline,Rules are loose,Check expenses,Finance,Wang Wu,立行立改,Not Started,
            Study,Reading is rare,Buy books,Office,Li Si,长期坚持,ongoing,0.5
            """);

        var result = LedgerSheetReader.Read(path);

        Assert.Empty(result.Errors);
        var draft = result.Draft!;
        Assert.Equal("Inspection of the county bureau 2022", draft.Inspection.Title);
        Assert.Equal(["1-1-1", "1-1-2", "2-1-1", "1-2-1"], draft.Tasks.Select(t => t.Code));
        // A quoted newline stays inside its row, as Excel shows a CSV: rows are records, not lines.
        Assert.Equal([3, 4, 6, 7], draft.Tasks.Select(t => t.Row));
        Assert.Equal("Organise study sessions", draft.Tasks[0].Measure);
        Assert.Equal(["Zhang San", "Li Si"], draft.Tasks[0].Officers);
        Assert.Equal("Study is shallow", draft.Tasks[1].Problem);
        Assert.Equal([40, null, null, 50], draft.Tasks.Select(t => t.Percent));
        Assert.Equal(new TimeLimit(TimeLimitKind.Immediate, null), draft.Tasks[2].TimeLimit);
        Assert.Equal(RectificationStatus.NotStarted, draft.Tasks[2].Status);
    }

    [Fact]
    public void Reads_a_two_row_header_with_a_merged_group_over_its_columns()
    {
        var path = _files.Xlsx("tworows.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["序号", "存在问题", "整改措施", "责任主体", null, null, "整改时限"],
            [2] = [null, null, null, "责任领导", "责任部门", "责任人", null],
            [3] = ["1", "问题一", "措施一", "王建国", "办公室", "张三", "2021-12-31"],
            [4] = ["2", "问题一", "措施二", null, "办公室", null, "2021-12-31"],
        }, "A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2");

        var result = LedgerSheetReader.Read(path);

        var error = Assert.Single(result.Errors);
        Assert.Equal((4, "责任人", ImportErrorCodes.OfficerMissing), (error.Row, error.Column, error.Code));
        File.Delete(path);
        _files.Xlsx("tworows.xlsx", new Dictionary<int, object?[]>
        {
            [1] = ["序号", "存在问题", "整改措施", "责任主体", null, null, "整改时限"],
            [2] = [null, null, null, "责任领导", "责任部门", "责任人", null],
            [3] = ["1", "问题一", "措施一", "王建国", "办公室", "张三", "2021-12-31"],
        }, "A1:A2", "B1:B2", "C1:C2", "D1:F1", "G1:G2");
        var task = Assert.Single(LedgerSheetReader.Read(path).Draft!.Tasks);
        Assert.Equal(("王建国", "办公室", "张三", 3), (task.Leader, task.LeadDepartment, task.Officers[0], task.Row));
    }

    [Fact]
    public void Skips_empty_numbered_template_rows_but_not_a_row_with_only_an_officer()
    {
        var path = _files.Csv("template.csv", """
            序号,方面,存在问题,整改措施,责任人,整改时限
            1,方面一,问题一,措施一,张三,2021-12-31
            2,,,,,
            ,,,,李四,
            3,,,,,
            """);

        var result = LedgerSheetReader.Read(path);

        Assert.Equal([(4, ImportErrorCodes.CodeMissing), (4, ImportErrorCodes.MeasureMissing), (4, ImportErrorCodes.TimeLimitMissing)],
            result.Errors.Select(e => (e.Row, e.Code)));
    }

    [Fact]
    public void Reads_a_csv_that_excel_saved_in_gb18030()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var path = _files.Path("gbk.csv");
        File.WriteAllText(path, "存在问题,整改措施,责任人,整改时限\r\n学习不深入,组织学习,张三、李四,2021年12月底前\r\n", System.Text.Encoding.GetEncoding("GB18030"));

        var task = Assert.Single(LedgerSheetReader.Read(path).Draft!.Tasks);

        Assert.Equal(("学习不深入", "组织学习"), (task.Problem, task.Measure));
        Assert.Equal(["张三", "李四"], task.Officers);
    }

    [Fact]
    public void Takes_the_inspection_title_from_the_option_before_the_sheet()
    {
        var result = LedgerSheetReader.Read(MessySheet(), new LedgerReadOptions("第三轮巡察"));

        Assert.Equal("第三轮巡察", result.Draft!.Inspection.Title);
    }

    [Fact]
    public void Takes_the_year_of_undated_phrases_from_the_inspection_when_the_sheet_has_none()
    {
        var path = _files.Csv("noyear.csv", """
            存在问题,整改措施,责任人,整改时限
            问题,措施,张三,年底前
            """);

        Assert.Equal(ImportErrorCodes.TimeLimitNoYear, Assert.Single(LedgerSheetReader.Read(path).Errors).Code);
        Assert.Equal(new DateOnly(2023, 12, 31), LedgerSheetReader.Read(path, new LedgerReadOptions("2023年专项巡察")).Draft!.Tasks[0].TimeLimit.Date);
        Assert.Equal(new DateOnly(2024, 12, 31), LedgerSheetReader.Read(path, new LedgerReadOptions(null, 2024)).Draft!.Tasks[0].TimeLimit.Date);
        Assert.Equal(LedgerHeaders.UnclassifiedAspect, LedgerSheetReader.Read(path, new LedgerReadOptions(null, 2024)).Draft!.Tasks[0].Aspect);
    }

    [Fact]
    public void Reports_a_sheet_without_a_ledger_header_or_without_required_columns()
    {
        var noHeader = _files.Csv("noheader.csv", "a,b,c\n1,2,3\n");
        var noOfficer = _files.Csv("noofficer.csv", "序号,存在问题,整改措施,整改时限\n1,问题,措施,2021-12-31\n");

        Assert.Equal((0, ImportErrorCodes.HeaderNotFound), LedgerSheetReader.Read(noHeader).Errors.Select(e => (e.Row, e.Code)).Single());
        var missing = Assert.Single(LedgerSheetReader.Read(noOfficer).Errors);
        Assert.Equal((1, ImportErrorCodes.ColumnMissing, nameof(LedgerColumn.Officers)), (missing.Row, missing.Code, missing.Value));
    }

    [Fact]
    public void Reports_a_file_that_is_not_a_spreadsheet()
    {
        var path = _files.Path("broken.xlsx");
        File.WriteAllText(path, "not a zip");

        Assert.Equal(ImportErrorCodes.FileUnreadable, Assert.Single(LedgerSheetReader.Read(path).Errors).Code);
    }
}
