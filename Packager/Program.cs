namespace CrmTeamSelling.Packager;

public static class Program
{
    public static int Main(string[] args)
    {
        System.Console.Error.WriteLine("pack, unpack and check arrive with issue 4.");
        return 2;
    }
}
