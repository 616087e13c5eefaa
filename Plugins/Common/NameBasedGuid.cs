using System;
using System.Security.Cryptography;
using System.Text;

namespace CrmTeamSelling.Plugins.Common
{
    /// <summary>
    /// RFC 4122 version-5 (SHA-1, name-based) identifiers. The same event always yields the same
    /// record id, so a retried asynchronous step finds what its first attempt wrote instead of
    /// writing it again.
    /// </summary>
    public static class NameBasedGuid
    {
        // Our own namespace id for Team Selling events (a random v4 id, fixed forever).
        private static readonly Guid TeamSellingNamespace = new Guid("6f3b7f2e-43a1-4c44-9a52-1b0c6a8e2d17");

        public static Guid Create(string name) => Create(TeamSellingNamespace, name);

        public static Guid Create(Guid namespaceId, string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            var namespaceBytes = namespaceId.ToByteArray();
            SwapToNetworkOrder(namespaceBytes);
            var nameBytes = Encoding.UTF8.GetBytes(name);
            var input = new byte[namespaceBytes.Length + nameBytes.Length];
            Buffer.BlockCopy(namespaceBytes, 0, input, 0, namespaceBytes.Length);
            Buffer.BlockCopy(nameBytes, 0, input, namespaceBytes.Length, nameBytes.Length);

            byte[] hash;
            using (var sha1 = SHA1.Create())
            {
                hash = sha1.ComputeHash(input);
            }

            var result = new byte[16];
            Array.Copy(hash, result, 16);
            result[6] = (byte)((result[6] & 0x0F) | 0x50); // version 5
            result[8] = (byte)((result[8] & 0x3F) | 0x80); // RFC 4122 variant
            SwapToNetworkOrder(result);
            return new Guid(result);
        }

        // System.Guid stores its first three fields little-endian; RFC 4122 hashes them big-endian.
        private static void SwapToNetworkOrder(byte[] guid)
        {
            Swap(guid, 0, 3);
            Swap(guid, 1, 2);
            Swap(guid, 4, 5);
            Swap(guid, 6, 7);
        }

        private static void Swap(byte[] bytes, int left, int right)
        {
            var temp = bytes[left];
            bytes[left] = bytes[right];
            bytes[right] = temp;
        }
    }
}
