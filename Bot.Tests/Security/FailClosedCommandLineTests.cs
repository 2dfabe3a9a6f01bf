using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Rectification.Bot.Cli;
using Rectification.Data.Db;
using Rectification.Tests.Data;

namespace Rectification.Tests.Security;

/// <summary>
/// Findings 10.8 and 10.9: the host starts only when asked to; anything else on the command line is a verb or an
/// error (stderr, exit 2); files land where the caller means, whole or not at all; a database error is a message and
/// exit 1, never a stack trace.
/// </summary>
public sealed class FailClosedCommandLineTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private string _folder = "";

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await TestLedger.LoadAsync(_database);
        _folder = Directory.CreateTempSubdirectory("rectification-cli-").FullName;
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(true, "serve")]
    [InlineData(true, "serve", "--urls=http://127.0.0.1:3978")]
    [InlineData(true, "--environment=Development", "--contentRoot=/tmp")]
    [InlineData(true, "--caller-directory", "/tmp")]
    [InlineData(false, "frobnicate")]
    [InlineData(false, "--lang", "en-US", "help")]
    [InlineData(false, "--urls", "http://0.0.0.0:3978")]
    [InlineData(false, "serve-now")]
    [InlineData(false, "--caller-directory", "/tmp", "report")]
    public void Only_no_arguments_serve_or_host_settings_start_the_host(bool startsHost, params string[] args)
    {
        Assert.Equal(startsHost, CommandLine.StartsHost(args, out _));
    }

    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var error = new StringWriter();
        using var output = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["--lang", "zh-CN", .. args], output: null, Configure, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    private void Configure(IServiceCollection services) =>
        services.Configure<DatabaseOptions>(o => o.ConnectionString = _database.Options.ConnectionString);

    [Theory]
    [InlineData("未知命令“frobnicate”", "frobnicate")]
    [InlineData("应写在命令之后", "--out", "x.docx", "report")]
    [InlineData("不支持选项“--bogus”", "report", "--bogus", "x")]
    [InlineData("不支持选项“--out”", "export", "--out", "x.xlsx")]
    [InlineData("缺少取值", "report", "--out")]
    public async Task An_unknown_verb_or_misplaced_option_is_an_error_on_stderr_with_exit_2(string expected, params string[] args)
    {
        var (exitCode, _, error) = await RunAsync(args);

        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export", "ledger.pdf", ".xlsx")]
    [InlineData("report", "draft.pdf", ".docx")]
    public async Task A_wrong_extension_says_why(string verb, string file, string expected)
    {
        var path = Path.Combine(_folder, file);
        var (exitCode, _, error) = await RunAsync(verb == "report" ? [verb, "--out", path] : [verb, path]);

        Assert.Equal(2, exitCode);
        Assert.Contains($"扩展名不对：此命令输出 {expected} 文件", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Export_to_a_missing_folder_creates_it_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(_folder, "新建文件夹", "台账.xlsx");

        var (exitCode, _, _) = await RunAsync("export", path);

        Assert.Equal(0, exitCode);
        Assert.True(new FileInfo(path).Length > 0);
        Assert.Equal([path], Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public async Task Relative_paths_are_relative_to_the_callers_directory()
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["--caller-directory", _folder, "--lang", "zh-CN", "export", Path.Combine("sub", "out.xlsx")], output: null, Configure, error);

        Assert.Equal(0, exitCode);
        Assert.True(File.Exists(Path.Combine(_folder, "sub", "out.xlsx")), error.ToString());
    }

    [Fact]
    public async Task A_report_over_text_the_format_cannot_hold_never_leaves_a_partial_or_empty_file()
    {
        await using (var connection = await _database.Connections.OpenAsync(CancellationToken.None))
        {
            // Written before the writers cleaned their input.
            await connection.ExecuteAsync("UPDATE tasks SET progress_note = 'bell' || char(7) || 'null' || char(1), measure = measure || char(11)");
        }
        var path = Path.Combine(_folder, "通报.docx");
        await File.WriteAllTextAsync(path, "the previous draft");

        var (exitCode, _, error) = await RunAsync("report", "--out", path);

        Assert.True(exitCode is 0 or 1, error);
        Assert.True(new FileInfo(path).Length > 0);
        if (exitCode != 0)
        {
            Assert.Equal("the previous draft", await File.ReadAllTextAsync(path));
        }
        Assert.Equal([path], Directory.GetFiles(_folder));
    }

    [Fact]
    public async Task A_database_that_cannot_be_reached_is_a_message_and_exit_1()
    {
        using var error = new StringWriter();
        var exitCode = await CommandLine.RunAsync(["--lang", "zh-CN", "export", Path.Combine(_folder, "x.xlsx")], output: null, services => services.Configure<DatabaseOptions>(o =>
        {
            o.Provider = DatabaseProvider.Postgres;
            o.ConnectionString = "Host=127.0.0.1;Port=1;Username=nobody;Database=none;Timeout=3";
        }), error);

        Assert.Equal(1, exitCode);
        Assert.Contains("数据库出错", error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error.ToString(), StringComparison.Ordinal);
    }
}
