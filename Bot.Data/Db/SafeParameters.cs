using System.Collections;
using Dapper;

namespace Rectification.Data.Db;

/// <summary>Query arguments with every string property passed through <see cref="SafeText.Clean"/>: for writers fed by files.</summary>
public static class SafeParameters
{
    public static object? Of(object? args)
    {
        if (args is null or IEnumerable or DynamicParameters)
        {
            return args;
        }
        var strings = args.GetType().GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0).ToList();
        var dirty = strings.Select(p => (p.Name, Value: (string?)p.GetValue(args))).Where(p => !ReferenceEquals(SafeText.Clean(p.Value), p.Value)).ToList();
        if (dirty.Count == 0)
        {
            return args;
        }
        // The template supplies every argument; the cleaned strings added by name take the place of theirs.
        var parameters = new DynamicParameters(args);
        foreach (var (name, value) in dirty)
        {
            parameters.Add(name, SafeText.Clean(value));
        }
        return parameters;
    }
}
