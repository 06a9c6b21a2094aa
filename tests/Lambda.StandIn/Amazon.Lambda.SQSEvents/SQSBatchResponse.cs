using System.Collections.Generic;

namespace Amazon.Lambda.SQSEvents;

/// <summary>Partial batch response (ReportBatchItemFailures).</summary>
public class SQSBatchResponse
{
    public SQSBatchResponse()
        : this(new List<BatchItemFailure>())
    {
    }

    public SQSBatchResponse(List<BatchItemFailure> batchItemFailures)
    {
        BatchItemFailures = batchItemFailures;
    }

    public List<BatchItemFailure> BatchItemFailures { get; set; }

    public class BatchItemFailure
    {
        public string ItemIdentifier { get; set; }
    }
}
