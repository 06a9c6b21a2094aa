using System.Collections.Generic;

namespace Amazon.Lambda.LexEvents;

/// <summary>Amazon Lex V1 response (basic shape; response cards omitted).</summary>
public class LexResponse
{
    public IDictionary<string, string> SessionAttributes { get; set; }

    public LexDialogAction DialogAction { get; set; }

    public IList<LexActiveContext> ActiveContexts { get; set; }

    public class LexDialogAction
    {
        public string Type { get; set; }

        public string FulfillmentState { get; set; }

        public LexMessage Message { get; set; }

        public string IntentName { get; set; }

        public IDictionary<string, string> Slots { get; set; }

        public string SlotToElicit { get; set; }
    }

    public class LexMessage
    {
        public string ContentType { get; set; }

        public string Content { get; set; }
    }
}
