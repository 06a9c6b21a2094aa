using System.Collections.Generic;

namespace Amazon.Lambda.KinesisEvents;

public class StreamsEventResponse
{
    public IList<BatchItemFailure> BatchItemFailures { get; set; }

    public class BatchItemFailure
    {
        public string ItemIdentifier { get; set; }
    }
}
