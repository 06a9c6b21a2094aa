using System.Threading;
using LambdaAnalyzers.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace LambdaAnalyzers.Tests.Infrastructure;

/// <summary>The text pre-filter: whole words only, positions in order, spans checked at both ends.</summary>
public sealed class WordHitsTests
{
    private const string Source = """
        class C
        {
            static int Path;
            void A() { var x = PathLength + MyPath; }
            void B() { Path = 1; }
        }
        """;

    [Fact]
    public void FindsWholeWordsOnly()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var hits = WordHits.Scan(tree, new WordSet(new[] { "Path" }), CancellationToken.None);
        Assert.Equal(new[] { Source.IndexOf("Path;", System.StringComparison.Ordinal), Source.IndexOf("Path = 1", System.StringComparison.Ordinal) }, hits);
    }

    [Fact]
    public void AnyWithin_ChecksTheSpan()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var words = new WordHits((_, _) => new WordSet(new[] { "Path" }));
        var a = Source.IndexOf("void A", System.StringComparison.Ordinal);
        var b = Source.IndexOf("void B", System.StringComparison.Ordinal);
        Assert.False(words.AnyWithin(tree, TextSpan.FromBounds(a, b), CancellationToken.None));
        Assert.True(words.AnyWithin(tree, TextSpan.FromBounds(b, Source.Length), CancellationToken.None));
        var at = Source.IndexOf("Path = 1", System.StringComparison.Ordinal);
        Assert.False(words.AnyWithin(tree, TextSpan.FromBounds(b, at), CancellationToken.None)); // end is exclusive
    }

    [Fact]
    public void ExtraPredicate_MatchesComputedWords()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { void M() { GetRouteFor(x); } }");
        var set = new WordSet(System.Array.Empty<string>(), new[] { "Route" });
        Assert.Single(WordHits.Scan(tree, set, CancellationToken.None));
    }

    [Fact]
    public void Fragments_MergeWithWords_SortedOnceEach_AndRespectMinimumLength()
    {
        const string Source = "class C { void M() { Path(x); var r = RouteResolver.Resolve(Path); Route(); } }";
        var tree = CSharpSyntaxTree.ParseText(Source);
        var set = new WordSet(new[] { "Path" }, new[] { "Route", "Resolve" }, fragmentMinLength: 5);

        var hits = WordHits.Scan(tree, set, CancellationToken.None);

        // Path, RouteResolver (two fragments, one hit), Resolve (7 > 5), Path; "Route" alone is too short.
        var expected = new[] { Source.IndexOf("Path(x)"), Source.IndexOf("RouteResolver"), Source.IndexOf("Resolve(Path)"), Source.IndexOf("Path);") };
        Assert.Equal(expected, hits);
    }

    [Fact]
    public void QuickReject_KeepsNonAsciiAndLongWords()
    {
        var longName = "L" + new string('o', 70) + "ng";
        var source = $"class C {{ int Über; int {longName}; int {longName}X; void M() {{ Über = 1; {longName} = 2; }} }}";
        var tree = CSharpSyntaxTree.ParseText(source);

        var hits = WordHits.Scan(tree, new WordSet(new[] { "Über", longName }), CancellationToken.None);

        Assert.Equal(4, hits.Length);
    }
}
