using System;

namespace Amazon.Lambda.Annotations;

[AttributeUsage(AttributeTargets.Assembly)]
public class LambdaGlobalPropertiesAttribute : Attribute
{
    public bool GenerateMain { get; set; }

    public string Runtime { get; set; }
}
