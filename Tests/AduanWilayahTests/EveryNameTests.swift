import AduanCore
import AduanWilayah
import Testing

/// Every desa of every file, typed as the data spells it, in lower case and without spaces.
@Suite struct EveryNameTests {

    /// What typing the name of `desa` in `kecamatan` must give, derived from the raw lists:
    /// one place → found; a name shared by several desa → ambiguous; a name that is also a
    /// kecamatan → that kecamatan (kecamatan-only), listed with the same-named desa elsewhere.
    static func expected(_ desa: Desa, in gazetteer: Gazetteer) -> LocationMatch {
        let key = TextMatching.compact(desa.name)
        var places: [Place] = []
        let namedKecamatan = gazetteer.kecamatan.filter { TextMatching.compact($0.name) == key }.map(\.name)
        for kecamatan in gazetteer.kecamatan {
            if namedKecamatan.contains(kecamatan.name) {
                places.append(Place(kecamatan: kecamatan.name))
                continue
            }
            for other in kecamatan.desa where TextMatching.compact(other.name) == key {
                places.append(Place(kecamatan: kecamatan.name, desa: other.name))
            }
        }
        if places.count > 1 { return .ambiguous(places) }
        if let only = places.first, only.desa == nil { return .kecamatanOnly(only.kecamatan) }
        return .found(places[0])
    }

    @Test(arguments: WilayahFixtures.names)
    func everyDesaResolvesToItself(_ file: String) throws {
        let gazetteer = try #require(WilayahFixtures.all[file])
        let resolver = LocationResolver(gazetteer: gazetteer)
        var checked = 0
        for kecamatan in gazetteer.kecamatan {
            for desa in kecamatan.desa {
                let expected = Self.expected(desa, in: gazetteer)
                for typed in [desa.name, desa.name.lowercased(), TextMatching.compact(desa.name)] {
                    #expect(resolver.resolve(typed) == expected, "\(file): \(typed.debugDescription)")
                }
                checked += 1
            }
        }
        #expect(checked == gazetteer.desaCount)
    }

    @Test(arguments: WilayahFixtures.names)
    func everyDesaWithItsKecamatanIsFound(_ file: String) throws {
        let gazetteer = try #require(WilayahFixtures.all[file])
        let resolver = LocationResolver(gazetteer: gazetteer)
        for kecamatan in gazetteer.kecamatan {
            for desa in kecamatan.desa {
                let place = Place(kecamatan: kecamatan.name, desa: desa.name)
                for typed in [
                    "desa \(desa.name) kecamatan \(kecamatan.name)",
                    "Kel. \(desa.name.uppercased()), Kec. \(kecamatan.name.uppercased())",
                ] {
                    #expect(resolver.resolve(typed) == .found(place), "\(file): \(typed.debugDescription)")
                }
                #expect(resolver.resolve(desa.name, inKecamatan: kecamatan.name) == .found(place), "\(file): \(desa.name) in \(kecamatan.name)")
                #expect(resolver.resolve("desa \(desa.name)") != .notFound(suggestions: []), "\(file): desa \(desa.name)")
            }
        }
    }

    @Test(arguments: WilayahFixtures.names)
    func everyKecamatanIsKnown(_ file: String) throws {
        let gazetteer = try #require(WilayahFixtures.all[file])
        let resolver = LocationResolver(gazetteer: gazetteer)
        for kecamatan in gazetteer.kecamatan {
            #expect(resolver.resolve("kecamatan \(kecamatan.name)") == .kecamatanOnly(kecamatan.name))
            #expect(resolver.resolve("kec.\(TextMatching.compact(kecamatan.name))") == .kecamatanOnly(kecamatan.name))
        }
    }
}
