using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Dapper;

namespace Rectification.Data.Db;

/// <summary>Query arguments with every string property passed through <see cref="SafeText.Clean"/>: for writers fed by files.</summary>
public static class SafeParameters
{
    // An import passes the same few argument types thousands of times: reflect on each type once.
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> StringProperties = new();

    public static object? Of(object? args)
    {
        if (args is null or IEnumerable or DynamicParameters)
        {
            return args;
        }
        var strings = StringProperties.GetOrAdd(args.GetType(),
            type => [.. type.GetProperties().Where(p => p.PropertyType == typeof(string) && p.GetIndexParameters().Length == 0)]);
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
