using System.Reflection;
using System.Reflection.Emit;
using Xunit.Abstractions;

namespace Readiness.Web.Tests;

/// <summary>
/// The folders (namespaces) of Readiness.Data and Readiness.Web depend on each other without a circle: each can be
/// read, changed and tested with only the folders below it. The graph is read from the compiled assemblies, so every
/// use counts: signatures, attributes, local variables and the types and members each method body names.
/// </summary>
public sealed class FolderDependencyTests(ITestOutputHelper output)
{
    private static readonly Assembly[] Assemblies = [typeof(Data.DataServiceCollectionExtensions).Assembly, typeof(Resources.SharedResource).Assembly];

    [Fact]
    public void No_folder_of_Data_or_Web_depends_on_another_in_a_circle()
    {
        var graph = NamespaceGraph.Build(Assemblies);
        graph.AddUsingDirectives(SourceFolder());
        Assert.Contains("Readiness.Data.Checklists", graph.Nodes);
        Assert.Contains("Readiness.Web.Components.Pages.Regions", graph.Nodes);
        Assert.Contains(("Readiness.Web.Components.Pages.Regions", "Readiness.Data.Checklists"), graph.Edges.Keys);

        var cycles = graph.Cycles();
        foreach (var cycle in cycles)
        {
            output.WriteLine(graph.Describe(cycle));
        }

        Assert.True(cycles.Count == 0, "folders that depend on each other in a circle (each step names one use):\n\n"
            + string.Join("\n\n", cycles.Select(graph.Describe)));
    }

    private static string SourceFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "Readiness.Data")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "src");
    }

    [Fact]
    public void A_circle_between_folders_is_found_and_named()
    {
        var graph = new NamespaceGraph();
        graph.Add("A", "B", "A.X uses B.Y");
        graph.Add("B", "C", "B.Y uses C.Z");
        graph.Add("C", "A", "C.Z uses A.X");
        graph.Add("C", "D", "C.Z uses D.W");

        var cycle = Assert.Single(graph.Cycles());

        Assert.Equal(["A", "B", "C"], cycle.Order(StringComparer.Ordinal));
        Assert.Contains("C.Z uses A.X", graph.Describe(cycle));
    }

    /// <summary>Which namespace of the project uses which, with one use that shows each edge.</summary>
    private sealed class NamespaceGraph
    {
        private static readonly OpCode[] OneByte = new OpCode[0x100];
        private static readonly OpCode[] TwoByte = new OpCode[0x100];

        private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic
            | BindingFlags.Instance | BindingFlags.Static;

        static NamespaceGraph()
        {
            foreach (var field in typeof(OpCodes).GetFields(BindingFlags.Public | BindingFlags.Static))
            {
                var code = (OpCode)field.GetValue(null)!;
                var value = (ushort)code.Value;
                if (value < 0x100)
                {
                    OneByte[value] = code;
                }
                else if ((value & 0xff00) == 0xfe00)
                {
                    TwoByte[value & 0xff] = code;
                }
            }
        }

        public HashSet<string> Nodes { get; } = new(StringComparer.Ordinal);

        /// <summary>Each edge, from user to used, with the first use found.</summary>
        public Dictionary<(string From, string To), string> Edges { get; } = [];

        public static NamespaceGraph Build(IEnumerable<Assembly> assemblies)
        {
            var graph = new NamespaceGraph();
            foreach (var assembly in assemblies)
            {
                foreach (var type in assembly.GetTypes())
                {
                    if (Folder(type) is { } from)
                    {
                        graph.Nodes.Add(from);
                        graph.AddUses(type, from);
                    }
                }
            }

            return graph;
        }

        /// <summary>
        /// The <c>using</c> directives of the C# sources: a constant (a status word, a role) is copied into the code that
        /// reads it, so the compiled assembly alone does not show that use.
        /// </summary>
        public void AddUsingDirectives(string sourceFolder)
        {
            foreach (var file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories)
                         .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)))
            {
                var lines = File.ReadAllLines(file);
                var from = lines.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^namespace (Readiness\.[\w.]+);"))
                    .FirstOrDefault(m => m.Success)?.Groups[1].Value;
                if (from is null)
                {
                    continue;
                }

                foreach (var line in lines)
                {
                    var use = System.Text.RegularExpressions.Regex.Match(line, @"^using (Readiness\.[\w.]+);");
                    if (use.Success && use.Groups[1].Value != from && Nodes.Contains(use.Groups[1].Value))
                    {
                        Add(from, use.Groups[1].Value, $"{Path.GetRelativePath(sourceFolder, file)}: {line.Trim()}");
                    }
                }
            }
        }

        public void Add(string from, string to, string witness)
        {
            Nodes.Add(from);
            Nodes.Add(to);
            Edges.TryAdd((from, to), witness);
        }

        /// <summary>The strongly connected groups of more than one namespace (Tarjan), each a circle or several.</summary>
        public List<List<string>> Cycles()
        {
            var index = new Dictionary<string, int>();
            var low = new Dictionary<string, int>();
            var stack = new Stack<string>();
            var onStack = new HashSet<string>();
            var groups = new List<List<string>>();
            var next = 0;

            void Visit(string node)
            {
                index[node] = low[node] = next++;
                stack.Push(node);
                onStack.Add(node);
                foreach (var to in Edges.Keys.Where(e => e.From == node).Select(e => e.To).Order(StringComparer.Ordinal))
                {
                    if (!index.ContainsKey(to))
                    {
                        Visit(to);
                        low[node] = Math.Min(low[node], low[to]);
                    }
                    else if (onStack.Contains(to))
                    {
                        low[node] = Math.Min(low[node], index[to]);
                    }
                }

                if (low[node] == index[node])
                {
                    var group = new List<string>();
                    string member;
                    do
                    {
                        member = stack.Pop();
                        onStack.Remove(member);
                        group.Add(member);
                    }
                    while (member != node);

                    if (group.Count > 1)
                    {
                        groups.Add(group);
                    }
                }
            }

            foreach (var node in Nodes.Order(StringComparer.Ordinal))
            {
                if (!index.ContainsKey(node))
                {
                    Visit(node);
                }
            }

            return groups;
        }

        /// <summary>One circle through the group's first namespace, each step with the use that makes it.</summary>
        public string Describe(List<string> group)
        {
            var members = group.ToHashSet(StringComparer.Ordinal);
            var start = group.Order(StringComparer.Ordinal).First();

            // Shortest way back to the start inside the group (breadth first).
            var cameFrom = new Dictionary<string, string>();
            var queue = new Queue<string>([start]);
            var path = new List<string>();
            while (queue.Count > 0 && path.Count == 0)
            {
                var node = queue.Dequeue();
                foreach (var to in Edges.Keys.Where(e => e.From == node && members.Contains(e.To)).Select(e => e.To).Order(StringComparer.Ordinal))
                {
                    if (to == start)
                    {
                        for (var at = node; at != start; at = cameFrom[at])
                        {
                            path.Insert(0, at);
                        }

                        path.Insert(0, start);
                        path.Add(start);
                        break;
                    }

                    if (cameFrom.TryAdd(to, node))
                    {
                        queue.Enqueue(to);
                    }
                }
            }

            var steps = path.Zip(path.Skip(1), (from, to) => $"  {from} -> {to}   ({Edges[(from, to)]})");
            var others = group.Count > path.Count - 1 ? $"\n  (the same circle also takes in {string.Join(", ", group.Except(path).Order(StringComparer.Ordinal))})" : "";
            return string.Join(" -> ", path) + "\n" + string.Join("\n", steps) + others;
        }

        private static string? Folder(Type type)
        {
            while (type.IsNested)
            {
                type = type.DeclaringType!;
            }

            return type.Namespace is { } ns && (ns.StartsWith("Readiness.Data", StringComparison.Ordinal) || ns.StartsWith("Readiness.Web", StringComparison.Ordinal))
                ? ns
                : null;
        }

        private void AddUses(Type type, string from)
        {
            var name = type.FullName ?? type.Name;
            Use(from, type.BaseType, name);
            foreach (var contract in type.GetInterfaces())
            {
                Use(from, contract, name);
            }

            UseAttributes(from, type.GetCustomAttributesData(), name);
            foreach (var member in type.GetMembers(Declared))
            {
                var where = $"{name}.{member.Name}";
                UseAttributes(from, member.GetCustomAttributesData(), where);
                switch (member)
                {
                    case FieldInfo field:
                        Use(from, field.FieldType, where);
                        break;
                    case PropertyInfo property:
                        Use(from, property.PropertyType, where);
                        break;
                    case EventInfo @event:
                        Use(from, @event.EventHandlerType, where);
                        break;
                    case MethodBase method:
                        UseMethod(from, type, method, where);
                        break;
                }
            }
        }

        private void UseMethod(string from, Type type, MethodBase method, string where)
        {
            if (method is MethodInfo info)
            {
                Use(from, info.ReturnType, where);
            }

            foreach (var parameter in method.GetParameters())
            {
                Use(from, parameter.ParameterType, where);
                UseAttributes(from, parameter.GetCustomAttributesData(), where);
            }

            var body = method.GetMethodBody();
            if (body is null)
            {
                return;
            }

            foreach (var local in body.LocalVariables)
            {
                Use(from, local.LocalType, where);
            }

            var il = body.GetILAsByteArray() ?? [];
            var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            for (var at = 0; at < il.Length;)
            {
                var code = il[at] == 0xfe ? TwoByte[il[at + 1]] : OneByte[il[at]];
                at += code.Size;
                var size = code.OperandType switch
                {
                    OperandType.InlineNone => 0,
                    OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
                    OperandType.InlineVar => 2,
                    OperandType.InlineI8 or OperandType.InlineR => 8,
                    OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, at)),
                    _ => 4,
                };
                if (code.OperandType is OperandType.InlineType or OperandType.InlineTok or OperandType.InlineMethod or OperandType.InlineField)
                {
                    var token = BitConverter.ToInt32(il, at);
                    MemberInfo? used;
                    try
                    {
                        used = method.Module.ResolveMember(token, typeArguments, methodArguments);
                    }
                    catch (ArgumentException)
                    {
                        used = null;
                    }

                    switch (used)
                    {
                        case Type usedType:
                            Use(from, usedType, where);
                            break;
                        case FieldInfo field:
                            Use(from, field.DeclaringType, where);
                            Use(from, field.FieldType, where);
                            break;
                        case MethodBase called:
                            Use(from, called.DeclaringType, where);
                            if (called.IsGenericMethod)
                            {
                                foreach (var argument in called.GetGenericArguments())
                                {
                                    Use(from, argument, where);
                                }
                            }

                            break;
                    }
                }

                at += size;
            }
        }

        private void UseAttributes(string from, IEnumerable<CustomAttributeData> attributes, string where)
        {
            foreach (var attribute in attributes)
            {
                Use(from, attribute.AttributeType, where);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    Use(from, argument.Value as Type, where);
                }
            }
        }

        private void Use(string from, Type? used, string where)
        {
            if (used is null || used.IsGenericParameter)
            {
                return;
            }

            if (used.HasElementType)
            {
                Use(from, used.GetElementType(), where);
                return;
            }

            if (used.IsGenericType && !used.IsGenericTypeDefinition)
            {
                foreach (var argument in used.GetGenericArguments())
                {
                    Use(from, argument, where);
                }

                used = used.GetGenericTypeDefinition();
            }

            if (Folder(used) is { } to && to != from)
            {
                Add(from, to, $"{where} uses {used.FullName ?? used.Name}");
            }
        }
    }
}
