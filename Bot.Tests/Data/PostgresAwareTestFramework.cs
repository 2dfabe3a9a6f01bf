using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Rectification.Tests.Data.PostgresAwareTestFramework", "Bot.Tests")]

namespace Rectification.Tests.Data;

/// <summary>
/// xUnit's own framework, except that without <see cref="TestDatabase.PostgresVariable"/> every test of a class named
/// <c>Postgres…</c> is reported skipped with one plain reason, instead of each failing on the missing server. A plain
/// <c>dotnet test</c> on a laptop then passes; ./test.sh and CI set the variable and run them all. Done in discovery,
/// so a new PostgreSQL subclass is covered by its name alone.
/// </summary>
public sealed class PostgresAwareTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    public const string SkipReason = $"No PostgreSQL server: set {TestDatabase.PostgresVariable} or run ./test.sh to run the PostgreSQL suites.";

    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    public static bool ServerConfigured => !string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable));

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var className = testMethod.TestClass.Class.Name;
            var simpleName = className[(className.LastIndexOf('.') + 1)..];
            if (ServerConfigured || !simpleName.StartsWith("Postgres", StringComparison.Ordinal) || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }
            var skipped = new XunitSkippedDataRowTestCase(DiagnosticMessageSink, discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(), testMethod, SkipReason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
