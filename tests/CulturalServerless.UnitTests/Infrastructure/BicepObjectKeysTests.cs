namespace CulturalServerless.UnitTests.Infrastructure;

public sealed class BicepObjectKeysTests
{
    [Fact]
    public void Reads_the_top_level_names_of_a_resource_properties_object()
    {
        const string bicep = """
            resource site 'Microsoft.Web/sites@2024-11-01' = {
              name: 'app'
              properties: {
                httpsOnly: true
              }

              resource appSettings 'config' = {
                name: 'appsettings'
                properties: {
                  // a comment: with a colon
                  Plain__Name: 'value'
                  'Quoted-Name': other.properties.endpoint
                  Nested: {
                    Inner: 1
                  }
                  Interpolated: 'ClientId=${identity.properties.clientId};x=${format('{0}', 'a:b')}'
                  /* block: comment */
                  Ternary: enabled ? 'a' : 'b'
                  Multi: '''
            NotAKey: here
            '''
                  OneLine: { a: 1, b: 2 }
                }
              }
            }
            """;

        var names = BicepObjectKeys.OfResourceProperties(bicep, "appsettings");

        Assert.Equal(["Plain__Name", "Quoted-Name", "Nested", "Interpolated", "Ternary", "Multi", "OneLine"], names);
    }

    [Fact]
    public void Reads_comma_separated_names_on_one_line()
    {
        var names = BicepObjectKeys.OfObjectAt("{ a: 1, 'b': 'x:y', c: [1, 2] }", 0);

        Assert.Equal(["a", "b", "c"], names);
    }

    [Fact]
    public void Fails_loudly_when_the_resource_is_not_there()
    {
        Assert.Throws<FormatException>(() => BicepObjectKeys.OfResourceProperties("param x string", "appsettings"));
    }
}
