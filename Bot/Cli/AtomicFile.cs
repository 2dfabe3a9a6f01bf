namespace Rectification.Bot.Cli;

/// <summary>
/// Output files appear whole or not at all: written to a hidden temporary file beside the target (same folder, so
/// the rename cannot cross file systems), then renamed over it. A command that fails half-way (a crash, a full
/// disk, text the format cannot hold) leaves the previous file, or none, never a partial or empty one.
/// </summary>
public static class AtomicFile
{
    /// <summary>Runs <paramref name="write"/> on a temporary path with the target's extension, then moves it into place.</summary>
    public static async Task WriteAsync(string path, Func<string, Task> write)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        // A missing output folder is created, as the user evidently wants the file there.
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileNameWithoutExtension(full)}.{Guid.NewGuid():N}.partial{Path.GetExtension(full)}");
        try
        {
            await write(temporary);
            if (!File.Exists(temporary) || new FileInfo(temporary).Length == 0)
            {
                throw new IOException($"Nothing was written to {full}.");
            }
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public static Task WriteAsync(string path, Action<string> write) => WriteAsync(path, temporary =>
    {
        write(temporary);
        return Task.CompletedTask;
    });
}
