using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace LambdaAnalyzers.Tests.Lambda;

/// <summary>"Does this code run during an invocation?" — calls inside the compilation from the handlers.</summary>
public sealed class ReachabilityTests
{
    private static readonly CancellationToken None = CancellationToken.None;

    private const string Service = """
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Amazon.Lambda.Core;

        public interface IOrderRepository { Task<string> GetAsync(string id); }
        public sealed class DynamoOrderRepository : IOrderRepository
        {
            public Task<string> GetAsync(string id) => Task.FromResult(Normalize(id));
            private static string Normalize(string id) => id.Trim();
        }
        public sealed class UnusedRepository : IOrderRepository
        {
            public Task<string> GetAsync(string id) => Task.FromResult(id);
        }
        public sealed class OrderService
        {
            private readonly IOrderRepository _repository;
            public OrderService(IOrderRepository repository) => _repository = repository;
            public Task<string> FindAsync(string id) => _repository.GetAsync(id);
            public string Label => Format("order");
            private static string Format(string s) => s.ToUpperInvariant();
            public IEnumerable<string> Map(IEnumerable<string> ids) => ids.Select(Project);
            private static string Project(string id) => id;
        }
        public static class Unrelated { public static void Run() { } }

        public class Function
        {
            private readonly OrderService _service;
            public Function() { _service = new OrderService(new DynamoOrderRepository()); Warm(); }
            private static void Warm() { }
            public async Task<string> Handle(string id, ILambdaContext context)
            {
                var label = _service.Label;
                var all = _service.Map(new[] { id }).ToList();
                return label + await _service.FindAsync(id);
            }
        }
        """;

    [Theory]
    [InlineData("OrderService", "FindAsync")]
    [InlineData("DynamoOrderRepository", "GetAsync")]
    [InlineData("DynamoOrderRepository", "Normalize")]
    [InlineData("UnusedRepository", "GetAsync")] // every implementation of an interface called from a handler
    [InlineData("OrderService", "Format")] // through a property getter
    [InlineData("OrderService", "Project")] // a method group passed as a delegate
    [InlineData("Function", "Handle")]
    public void CalledFromHandler_IsInvocationCode(string type, string method)
    {
        var host = ModelTestHost.Create(Service);
        Assert.Empty(host.CompilerErrors());
        Assert.True(host.Model.IsInvocationCode(host.Method(type, method), None), $"{type}.{method}");
    }

    [Theory]
    [InlineData("Unrelated", "Run")]
    [InlineData("Function", "Warm")] // called only from the handler class's constructor: initialization
    public void NotCalledDuringInvocation_IsNotInvocationCode(string type, string method)
    {
        var host = ModelTestHost.Create(Service);
        Assert.False(host.Model.IsInvocationCode(host.Method(type, method), None), $"{type}.{method}");
    }

    [Fact]
    public void HandlerClassConstructor_IsNotInvocationCode()
    {
        var host = ModelTestHost.Create(Service);
        var constructor = host.Compilation.GetTypeByMetadataName("Function")!.InstanceConstructors[0];
        Assert.False(host.Model.IsInvocationCode(constructor, None));
    }

    [Fact]
    public void ObjectCreatedInHandler_ConstructorIsInvocationCode()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public class Client { public Client() { Setup(); } private void Setup() { } }
            public class Function
            {
                public void Handle(ILambdaContext context) { var client = new Client(); }
            }
            """);
        Assert.True(host.Model.IsInvocationCode(host.Method("Client", "Setup"), None));
    }

    [Fact]
    public void LambdaInsideHandler_IsInvocationCode_LambdaElsewhereIsNot()
    {
        var host = ModelTestHost.Create("""
            using System;
            using Amazon.Lambda.Core;
            public class Function
            {
                public static Func<int> Factory = () => 1;
                public int Handle(ILambdaContext context) { Func<int> f = () => 2; return f(); }
            }
            """);
        var tree = host.Compilation.SyntaxTrees[0];
        var semanticModel = host.Compilation.GetSemanticModel(tree);
        var lambdas = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ParenthesizedLambdaExpressionSyntax>().ToList();
        var inField = (IMethodSymbol)semanticModel.GetSymbolInfo(lambdas[0]).Symbol!;
        var inHandler = (IMethodSymbol)semanticModel.GetSymbolInfo(lambdas[1]).Symbol!;
        Assert.False(host.Model.IsInvocationCode(inField, None));
        Assert.True(host.Model.IsInvocationCode(inHandler, None));
    }

    [Fact]
    public void TopLevelStatements_BeforeBootstrap_AreNotInvocationCode()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            using Amazon.Lambda.RuntimeSupport;
            using Amazon.Lambda.Serialization.SystemTextJson;

            Init();
            await LambdaBootstrapBuilder.Create((string input, ILambdaContext context) => Work(input), new DefaultLambdaJsonSerializer()).Build().RunAsync();

            static void Init() { }
            static string Work(string s) => s;
            """, outputKind: OutputKind.ConsoleApplication);
        Assert.Empty(host.CompilerErrors());
        var main = host.Compilation.GetEntryPoint(None)!;
        var locals = main.ContainingType.GetMembers().OfType<IMethodSymbol>().ToList();
        Assert.False(host.Model.IsInvocationCode(main, None));
        var tree = host.Compilation.SyntaxTrees[0];
        var semanticModel = host.Compilation.GetSemanticModel(tree);
        var functions = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.LocalFunctionStatementSyntax>()
            .ToDictionary(f => f.Identifier.ValueText, f => (IMethodSymbol)semanticModel.GetDeclaredSymbol(f)!);
        Assert.True(host.Model.IsInvocationCode(functions["Work"], None));
        Assert.False(host.Model.IsInvocationCode(functions["Init"], None));
    }

    [Theory]
    [InlineData("OrderService", "FindAsync")]
    [InlineData("DynamoOrderRepository", "Normalize")]
    [InlineData("UnusedRepository", "GetAsync")]
    [InlineData("Function", "Handle")]
    public void InvokingRoot_IsTheHandler(string type, string method)
    {
        var host = ModelTestHost.Create(Service);
        var root = host.Model.GetInvokingRoot(host.Method(type, method), None);
        Assert.NotNull(root);
        Assert.Equal("Handle", root!.Name);
        Assert.Equal("Function", root.ContainingType.Name);
    }

    [Fact]
    public void InvokingRoot_OfInitializationCode_IsNull()
    {
        var host = ModelTestHost.Create(Service);
        Assert.Null(host.Model.GetInvokingRoot(host.Method("Function", "Warm"), None));
        Assert.Null(host.Model.GetInvokingRoot(host.Method("Unrelated", "Run"), None));
    }

    // Call sites are found by name and bound only when their receiver could be of a related type. These
    // cases pin what the receiver pre-filter must not drop, and what it must keep apart.
    private const string Receivers = """
        using System.Collections.Generic;
        using Amazon.Lambda.Core;

        public interface IStore { void Save(string s); }
        public sealed class RealStore : IStore { public void Save(string s) { Persist(); } private void Persist() { } }
        public sealed class OtherStore { public void Save(string s) { Audit(); } private void Audit() { } }
        public class BaseWorker { public virtual void Run() { } }
        public sealed class DerivedWorker : BaseWorker { public override void Run() { Step(); } private void Step() { } }
        public static class Extensions { public static void Touch(this string s) { Mark(); } private static void Mark() { } }
        public sealed class Made { public Made() { Built(); } private void Built() { } }
        public class Parent { public Parent() { Seed(); } private void Seed() { } }
        public sealed class Child : Parent { }
        public static class Statics { public static void Ping() { Pong(); } private static void Pong() { } }

        public class Function
        {
            private readonly IStore _store = new RealStore();
            private readonly OtherStore _other = new OtherStore();
            public void Handle(string input, ILambdaContext context)
            {
                _store.Save(input);
                var local = new List<BaseWorker> { new DerivedWorker() };
                foreach (var worker in local) { worker.Run(); }
                input.Touch();
                Made made = new();
                var child = new Child();
                Statics.Ping();
            }
            public void NotAHandler(OtherStore store) { store.Save("x"); _other.Save("y"); }
        }
        """;

    [Theory]
    [InlineData("RealStore", "Persist")] // field typed by the interface RealStore implements
    [InlineData("DerivedWorker", "Step")] // virtual call on a local (bound, not filtered)
    [InlineData("Extensions", "Mark")] // extension method: the receiver type says nothing
    [InlineData("Made", "Built")] // target-typed new()
    [InlineData("Parent", "Seed")] // base constructor run by a derived type's implicit constructor
    [InlineData("Statics", "Pong")] // static call through the type name
    public void ReceiverShapes_AreFollowed(string type, string method)
    {
        var host = ModelTestHost.Create(Receivers);
        Assert.Empty(host.CompilerErrors());
        Assert.True(host.Model.IsInvocationCode(host.Method(type, method), None), $"{type}.{method}");
    }

    [Fact]
    public void SameNameOnAnUnrelatedType_IsNotInvocationCode()
    {
        // OtherStore.Save shares its name with IStore.Save, which the handler calls; only NotAHandler calls it.
        var host = ModelTestHost.Create(Receivers);
        Assert.False(host.Model.IsInvocationCode(host.Method("OtherStore", "Audit"), None));
        Assert.False(host.Model.IsInvocationCode(host.Method("Function", "NotAHandler"), None));
    }

    [Fact]
    public void Recursion_WithoutAHandler_IsNotInvocationCode_AndDoesNotLoop()
    {
        var host = ModelTestHost.Create("""
            using Amazon.Lambda.Core;
            public static class Loop
            {
                public static void A(int n) { if (n > 0) B(n - 1); }
                public static void B(int n) { if (n > 0) A(n - 1); }
            }
            public class Function { public void Handle(ILambdaContext context) { } }
            """);
        Assert.False(host.Model.IsInvocationCode(host.Method("Loop", "A"), None));
        Assert.False(host.Model.IsInvocationCode(host.Method("Loop", "B"), None));
    }
}
