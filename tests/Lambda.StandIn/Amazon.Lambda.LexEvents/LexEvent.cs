using System.Collections.Generic;

namespace Amazon.Lambda.LexEvents;

/// <summary>Amazon Lex V1 event (basic shape).</summary>
public class LexEvent
{
    public LexCurrentIntent CurrentIntent { get; set; }

    public IDictionary<string, SlotDetail> SlotDetails { get; set; }

    public LexBot Bot { get; set; }

    public string UserId { get; set; }

    public string InputTranscript { get; set; }

    public string InvocationSource { get; set; }

    public string OutputDialogMode { get; set; }

    public string MessageVersion { get; set; }

    public IDictionary<string, string> SessionAttributes { get; set; }

    public IDictionary<string, string> RequestAttributes { get; set; }

    public IList<LexCurrentIntent> AlternativeIntents { get; set; }

    public IList<LexActiveContext> ActiveContexts { get; set; }

    public class LexCurrentIntent
    {
        public string Name { get; set; }

        public IDictionary<string, string> Slots { get; set; }

        public IDictionary<string, SlotDetail> SlotDetails { get; set; }

        public double? NluIntentConfidenceScore { get; set; }

        public string ConfirmationStatus { get; set; }
    }

    public class SlotDetail
    {
        public IList<Dictionary<string, string>> Resolutions { get; set; }

        public string OriginalValue { get; set; }
    }

    public class LexBot
    {
        public string Name { get; set; }

        public string Alias { get; set; }

        public string Version { get; set; }
    }
}
