using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace Conference.Server.Tests.Hosting;

/// <summary>
/// No container engine runs here, so deploy/ is checked for what can be checked without one: the YAML parses, every
/// setting it gives the server is a key the server reads, the probes and health checks point at routes that answer,
/// and the pieces name each other consistently (deploy/README.md says what was not run).
/// </summary>
public partial class DeployFilesTests
{
    private static readonly string[] HostVariables = ["ASPNETCORE_ENVIRONMENT", "ASPNETCORE_URLS", "ASPNETCORE_FORWARDEDHEADERS_ENABLED"];

    private static string Root()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Conference.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Conference.sln not found above the test directory.");
    }

    private static string Deploy(string name) => Path.Combine(Root(), "deploy", name);

    private static List<YamlMappingNode> Documents(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => (YamlMappingNode)d.RootNode)];
    }

    private static YamlNode? At(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || Child(map, key) is not { } child)
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    /// <summary>A key of a mapping, or of the mappings it merges in with "&lt;&lt;: *anchor" (YamlDotNet leaves merges to the reader).</summary>
    private static YamlNode? Child(YamlMappingNode map, string key)
    {
        if (map.Children.TryGetValue(new YamlScalarNode(key), out var child))
        {
            return child;
        }

        return map.Children.TryGetValue(new YamlScalarNode("<<"), out var merged) && merged is YamlMappingNode parent ? Child(parent, key) : null;
    }

    private static IEnumerable<YamlMappingNode> Mappings(YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            yield return map;
            foreach (var child in map.Children.Values.SelectMany(Mappings))
            {
                yield return child;
            }
        }
        else if (node is YamlSequenceNode sequence)
        {
            foreach (var child in sequence.Children.SelectMany(Mappings))
            {
                yield return child;
            }
        }
    }

    private static HashSet<string> KeysTheServerReads()
    {
        var sample = new ConfigurationBuilder().AddJsonFile(Path.Combine(Root(), "appsettings.sample.json")).Build();
        return sample.AsEnumerable().Select(kv => kv.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    private static void AssertServerSetting(string variable, HashSet<string> keys, string where)
    {
        if (HostVariables.Contains(variable))
        {
            return;
        }

        Assert.That(variable, Does.Contain("__"), $"{where}: {variable} is not a server setting (Section__Key)");
        Assert.That(keys, Does.Contain(variable.Replace("__", ":", StringComparison.Ordinal)), $"{where}: {variable} is no key the server reads");
    }

    [Test]
    public void Compose_Parses_ItsServersReadOnlyRealKeys_AndItsPiecesNameEachOther()
    {
        var compose = Documents(Deploy("compose.yaml")).Single();
        var services = (YamlMappingNode)At(compose, "services")!;
        var names = services.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToHashSet();
        Assert.That(names, Is.SupersetOf(new[] { "postgres", "redis", "server-1", "server-2", "proxy", "livekit" }));

        var keys = KeysTheServerReads();
        var servers = names.Where(n => n.StartsWith("server-", StringComparison.Ordinal)).ToList();
        var nodeIds = new HashSet<string>();
        foreach (var server in servers)
        {
            var environment = (YamlMappingNode)At(services, server, "environment")!;
            var variables = Mappings(environment).SelectMany(m => m.Children)
                .Select(kv => ((YamlScalarNode)kv.Key).Value!)
                .Where(k => k != "<<")
                .ToHashSet();
            foreach (var variable in variables)
            {
                AssertServerSetting(variable, keys, $"compose {server}");
            }

            Assert.That(variables, Is.SupersetOf(new[] { "Database__Provider", "Cluster__Redis", "Cluster__NodeId", "Auth__SessionSigningKey" }),
                "a Production node needs its signing key; a cluster node its database, Redis and name");
            nodeIds.Add(((YamlScalarNode)At(services, server, "environment", "Cluster__NodeId")!).Value!);
            var dependsOn = (YamlMappingNode)At(services, server, "depends_on")!;
            foreach (var dependency in new[] { "postgres", "redis" })
            {
                Assert.That(((YamlScalarNode)At(dependsOn, dependency, "condition")!).Value, Is.EqualTo("service_healthy"), $"{server} waits for {dependency}");
            }
        }

        Assert.That(nodeIds, Has.Count.EqualTo(servers.Count), "every node has its own name");

        // Every secret the servers require (${NAME:?...}) is in the env file template.
        var text = File.ReadAllText(Deploy("compose.yaml"));
        var template = File.ReadAllLines(Deploy(".env.example")).Where(l => l.Contains('=', StringComparison.Ordinal)).Select(l => l[..l.IndexOf('=', StringComparison.Ordinal)]).ToHashSet();
        foreach (Match required in RequiredVariable().Matches(text))
        {
            Assert.That(template, Does.Contain(required.Groups[1].Value), "deploy/.env.example names every required variable");
        }

        foreach (var mount in Mappings(services).SelectMany(m => m.Children).Where(kv => ((YamlScalarNode)kv.Key).Value == "volumes")
                     .SelectMany(kv => ((YamlSequenceNode)kv.Value).Children.Cast<YamlScalarNode>())
                     .Select(v => v.Value!).Where(v => v.StartsWith("./", StringComparison.Ordinal)))
        {
            Assert.That(File.Exists(Deploy(mount[2..mount.IndexOf(':', StringComparison.Ordinal)])), Is.True, $"{mount} exists");
        }

        var nginx = File.ReadAllText(Deploy("nginx.conf"));
        Assert.That(nginx, Does.Contain("proxy_set_header Upgrade $http_upgrade").And.Contain("proxy_set_header Connection $connection_upgrade"),
            "the proxy passes WebSockets");
        foreach (var server in servers)
        {
            Assert.That(nginx, Does.Contain($"server {server}:8080"), $"the proxy routes to {server}");
        }
    }

    [Test]
    public void Kubernetes_Parses_NamesMatch_AndTheContainerReadsOnlyRealKeys()
    {
        var documents = Directory.GetFiles(Deploy("kubernetes"), "*.yaml").SelectMany(Documents).ToList();
        YamlMappingNode Kind(string kind) => documents.Single(d => ((YamlScalarNode)At(d, "kind")!).Value == kind);
        var deployment = Kind("Deployment");
        var service = Kind("Service");
        var ingress = Kind("Ingress");
        var secret = Kind("Secret");
        var budget = Kind("PodDisruptionBudget");

        var keys = KeysTheServerReads();
        var container = (YamlMappingNode)((YamlSequenceNode)At(deployment, "spec", "template", "spec", "containers")!).Children.Single();
        foreach (var env in ((YamlSequenceNode)At(container, "env")!).Children.Cast<YamlMappingNode>())
        {
            AssertServerSetting(((YamlScalarNode)At(env, "name")!).Value!, keys, "Deployment env");
        }

        foreach (var key in ((YamlMappingNode)At(secret, "stringData")!).Children.Keys.Cast<YamlScalarNode>())
        {
            AssertServerSetting(key.Value!, keys, "Secret");
        }

        var secretName = ((YamlScalarNode)At(secret, "metadata", "name")!).Value;
        Assert.That(Mappings(container).Any(m => At(m, "secretRef", "name") is YamlScalarNode s && s.Value == secretName), Is.True, "the pods read the Secret");

        var labels = (YamlMappingNode)At(deployment, "spec", "template", "metadata", "labels")!;
        foreach (var selector in new[] { At(service, "spec", "selector"), At(budget, "spec", "selector", "matchLabels"), At(deployment, "spec", "selector", "matchLabels") })
        {
            foreach (var (key, value) in ((YamlMappingNode)selector!).Children)
            {
                Assert.That(labels.Children[key], Is.EqualTo(value), "selectors match the pods' labels");
            }
        }

        var portName = ((YamlScalarNode)At((YamlMappingNode)((YamlSequenceNode)At(container, "ports")!).Children.Single(), "name")!).Value;
        var servicePort = (YamlMappingNode)((YamlSequenceNode)At(service, "spec", "ports")!).Children.Single();
        Assert.That(((YamlScalarNode)At(servicePort, "targetPort")!).Value, Is.EqualTo(portName));
        var backend = Mappings(ingress).Single(m => At(m, "service") is not null);
        Assert.That(((YamlScalarNode)At(backend, "service", "name")!).Value, Is.EqualTo(((YamlScalarNode)At(service, "metadata", "name")!).Value));
        Assert.That(((YamlScalarNode)At(backend, "service", "port", "name")!).Value, Is.EqualTo(((YamlScalarNode)At(servicePort, "name")!).Value));
        var annotations = (YamlMappingNode)At(ingress, "metadata", "annotations")!;
        Assert.That(int.Parse(((YamlScalarNode)annotations.Children[new YamlScalarNode("nginx.ingress.kubernetes.io/proxy-read-timeout")]).Value!,
            System.Globalization.CultureInfo.InvariantCulture), Is.GreaterThanOrEqualTo(600), "a quiet live connection is not cut");
        Assert.That(((YamlScalarNode)annotations.Children[new YamlScalarNode("nginx.ingress.kubernetes.io/affinity")]).Value, Is.EqualTo("cookie"));
        foreach (var probe in new[] { "readinessProbe", "livenessProbe" })
        {
            Assert.That(At(container, probe, "httpGet", "port") is YamlScalarNode p && p.Value == portName, Is.True, $"{probe} uses the container's port");
        }
    }

    [Test]
    public async Task EveryProbeAndHealthCheck_PointsAtARouteThatAnswers200()
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        var deployment = Directory.GetFiles(Deploy("kubernetes"), "*.yaml").SelectMany(Documents)
            .Single(d => ((YamlScalarNode)At(d, "kind")!).Value == "Deployment");
        foreach (var get in Mappings(deployment).Where(m => At(m, "httpGet", "path") is not null))
        {
            paths.Add(((YamlScalarNode)At(get, "httpGet", "path")!).Value!);
        }

        var healthCheck = File.ReadAllLines(Deploy("Dockerfile")).SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)).Take(2);
        paths.Add(HealthCheckPath().Match(string.Join(" ", healthCheck)).Groups[1].Value);
        Assert.That(paths, Is.SupersetOf(new[] { "/health/ready", "/health/live" }));

        await using var database = TestDatabase.Create(DatabaseKind.Sqlite);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();
        foreach (var path in paths)
        {
            Assert.That((await client.GetAsync(path)).StatusCode, Is.EqualTo(HttpStatusCode.OK), path);
        }
    }

    [Test]
    public void DockerIgnore_KeepsBuildOutputAndDependenciesOutOfTheContext()
    {
        var ignored = File.ReadAllLines(Path.Combine(Root(), ".dockerignore"));
        Assert.That(ignored, Is.SupersetOf(new[] { "**/bin/", "**/obj/", "**/node_modules/", ".git/", "deploy/.env" }));
        Assert.That(File.ReadAllText(Deploy("Dockerfile")), Does.Contain("-p:SkipWebAppBuild=true").And.Contain("npm run build"),
            "the web app is built in its own Node stage; the SDK image has no Node");
    }

    [GeneratedRegex(@"\$\{([A-Z_]+):\?")]
    private static partial Regex RequiredVariable();

    [GeneratedRegex(@"GET (/\S+) HTTP")]
    private static partial Regex HealthCheckPath();
}
