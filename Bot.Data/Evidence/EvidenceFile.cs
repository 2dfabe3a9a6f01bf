namespace Rectification.Data.Evidence;

/// <summary>The metadata of one evidence file; the bytes are in the evidence store under <see cref="Sha256"/>.</summary>
public sealed record EvidenceFile(
    long Id,
    long? TaskId,
    long? WriteOffId,
    long UploadedBy,
    string UploaderName,
    DateTimeOffset UploadedAt,
    string Name,
    long SizeBytes,
    string Sha256,
    string ContentType);

/// <summary>A file that passed the checks, about to be stored for its uploader.</summary>
public sealed record NewEvidence(long UploadedBy, string Name, byte[] Content, FileType Type, DateTimeOffset At);
