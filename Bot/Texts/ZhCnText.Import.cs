using Rectification.Data.Import;

namespace Rectification.Bot.Texts;

internal sealed partial class ZhCnText
{
    public override string? ImportErrorMessage(string code, string? value) => code switch
    {
        ImportErrorCodes.FileUnreadable => "无法读取该文件：文件可能已损坏、被加密，或并非Excel（.xlsx）或CSV文件。请在Excel中打开后另存为.xlsx再导入。",
        ImportErrorCodes.HeaderNotFound => "找不到表头行：表头应包含“整改措施”“存在问题”“责任人”“整改时限”等列。",
        ImportErrorCodes.ColumnMissing => F("缺少“{0}”列。", value),
        ImportErrorCodes.ColumnDuplicate => F("“{0}”与另一列含义相同，请只保留一列。", value),
        ImportErrorCodes.NoTasks => "表头下没有任何整改措施。",
        ImportErrorCodes.CodeDuplicate => F("序号“{0}”重复。", value),
        ImportErrorCodes.CodeMissing => "缺少序号。",
        ImportErrorCodes.ProblemMissing => "缺少“存在问题”。",
        ImportErrorCodes.MeasureMissing => "缺少整改措施。",
        ImportErrorCodes.OfficerMissing => "缺少责任人，每项整改措施都要有责任人（不留盲区）。",
        ImportErrorCodes.OfficersUnclear => F("“{0}”中的姓名只用空格分隔，请用顿号（、）或逗号分隔。", value),
        ImportErrorCodes.LeaderSeveral => F("“{0}”：每项措施只能有一位责任领导。", value),
        ImportErrorCodes.TimeLimitMissing => "缺少整改时限。",
        ImportErrorCodes.TimeLimitUnrecognised => F("无法识别整改时限“{0}”，请写明日期（如2021年12月31日、2021年12月底前）、立行立改或长期坚持。", value),
        ImportErrorCodes.TimeLimitInvalidDate => F("整改时限“{0}”不是有效日期。", value),
        ImportErrorCodes.TimeLimitNoYear => F("整改时限“{0}”没有年份，表格标题和巡察名称中也找不到年份。", value),
        ImportErrorCodes.DueDateInvalid => F("截止日期“{0}”不是完整日期。", value),
        ImportErrorCodes.StatusUnknown => F("无法识别状态“{0}”，可用：已完成、已销号、正在整改、未开始、长期坚持。", value),
        ImportErrorCodes.StatusUnclear => F("无法从“{0}”判断整改状态。请以“已完成”“正在整改”“未开始”等开头（如“已完成，制度已印发”），或另设“状态”列。", value),
        ImportErrorCodes.CellTooLong => F("单元格内容过长（{0}字），超过Excel单元格上限32767字，请精简。", value),
        ImportErrorCodes.FileXls => "这是旧版Excel（.xls）文件，暂不支持。请在Excel或WPS中“另存为”Excel工作簿（.xlsx）后再导入。",
        ImportErrorCodes.FeedbackDateMissing => F("第{0}行为“立行立改”，其时限从巡察反馈之日起算，但尚不知道反馈日期。请用 --feedback-date 2022-01-20 指定，或在表头上方写明“反馈日期：2022年1月20日”，或先用 inspection set 设置。", value),
        ImportErrorCodes.MetadataInvalid => F("表头上方“{0}”中的日期无法识别。", value),
        ImportErrorCodes.PlanStale => "生成导入预览后台账已有变动，请重新预览后再确认。",
        ImportErrorCodes.ImportRunning => "该巡察的另一次导入正在写入，本次未作任何改动，请稍后再试。",
        ImportErrorCodes.PercentInvalid => F("完成进度“{0}”应为0到100之间的百分比。", value),
        LedgerImportWriter.AmbiguousPerson => F("系统中有多人名为“{0}”，无法确定是哪一位。", value),
        _ => null,
    };

    public override string ImportColumnName(LedgerColumn column) => LedgerHeaders.Name(column, LedgerLanguage.Chinese);

    public override string ImportErrorLine(int row, string? column, string message) => (row, column) switch
    {
        (0, _) => message,
        (_, null) => F("第{0}行：{1}", row, message),
        _ => F("第{0}行“{1}”列：{2}", row, column, message),
    };

    public override string ImportFailed(int count) => F("导入失败，共{0}处错误，未写入任何数据。", count);

    public override string ImportDone(ImportSummary summary, string inspection) =>
        F("已导入“{0}”：新增{1}项，更新{2}项，未变{3}项，新增人员{4}人。", inspection, summary.Created, summary.Updated, summary.Unchanged, summary.PeopleCreated);

    public override string ImportUsage => "用法：import <台账.xlsx|台账.csv> [--inspection \"<巡察名称>\"] [--feedback-date 2022-01-20] [--period 2021-03-16~2021-05-15] [--group \"<巡察组>\"] [--unit \"<被巡察单位>\"] [--dry-run]";

    public override string ExportUsage => "用法：export <台账.xlsx> [--inspection \"<巡察名称>\"]";

    public override string ExportDone(int tasks, string path) => F("已导出{0}项整改措施到 {1}。", tasks, path);

    public override string ExportNothing => "台账为空，没有可导出的内容。";

    public override string ExportChooseInspection(IReadOnlyList<string> titles) =>
        F("台账中有多轮巡察，请用 --inspection 指定其一：{0}", string.Join("、", titles));

    public override string ExportUnknownInspection(string title) => F("找不到巡察“{0}”。", title);
}
