# grid-moons: written by toy. Redraw with: gnuplot grid-moons.gp
set terminal pngcairo size 1090,3510 enhanced font 'DejaVu Sans,11'
set output 'grid-moons.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 23,7 title 'moons: samples by sampler (rows) and evaluation budget (columns; the ode row by tolerance), seed 0' font ',10' margins 0.01,0.99,0.01,0.9743589743589743 spacing 0.004,0.006
set xrange [-3.8798316680000005:3.896871668]
set yrange [-1.85287564:2.44724204]
set size ratio -1
unset xtics
unset ytics
unset xlabel
unset ylabel
set title 'data' font ',9'
plot 'grid-moons.dat' index 0 using 1:2 with points pt 7 ps 0.1 lc rgb '#1f77b4' notitle
unset border
set title 'budget 10' font ',9'
plot NaN notitle
set title 'budget 20' font ',9'
plot NaN notitle
set title 'budget 50' font ',9'
plot NaN notitle
set title 'budget 100' font ',9'
plot NaN notitle
set title 'budget 200' font ',9'
plot NaN notitle
set title 'budget 1000' font ',9'
plot NaN notitle
unset title
set label 1 "ddpm\nddpm" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 1 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 2 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 3 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 4 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 5 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "ddpm\nddim" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 6 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 7 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 8 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 9 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 10 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "ddpm\nddim-eta1" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 11 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 12 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 13 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 14 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 15 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "ddpm\neuler" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 16 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 17 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 18 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 19 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 20 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 21 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ddpm\nheun" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 22 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 23 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 24 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 25 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 26 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 27 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ddpm\ndpm++2m" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 28 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 29 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 30 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 31 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 32 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 33 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\nddim" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 34 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 35 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 36 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 37 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 38 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 39 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\neuler" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 40 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 41 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 42 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 43 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 44 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 45 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\nheun" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 46 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 47 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 48 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 49 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 50 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 51 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\ndpm++2m" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 52 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 53 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 54 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 55 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 56 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 57 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\nreverse-sde" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 58 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 59 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 60 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 61 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 62 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 63 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\npc" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 64 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 65 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 66 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 67 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 68 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 69 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "vp\node" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'tol 1e-01, NFE 48' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 70 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-02, NFE 74' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 71 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-03, NFE 134' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 72 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-04, NFE 404' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 73 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-05, NFE 907' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 74 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "ve\nheun" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 75 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 76 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 77 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 78 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 79 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 80 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ve\nreverse-sde" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 81 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 82 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 83 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 84 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 85 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 86 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ve\npc" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 87 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 88 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 89 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 90 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 91 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 92 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ve\node" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'tol 1e-01, NFE 62' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 93 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-02, NFE 91' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 94 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-03, NFE 182' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 95 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-04, NFE 452' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 96 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-05, NFE 919' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 97 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "subvp\nreverse-sde" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 98 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 99 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 100 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 101 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 102 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 103 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "subvp\npc" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 9' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 104 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 19' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 105 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 49' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 106 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 99' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 107 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 199' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 108 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 999' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 109 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "subvp\node" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'tol 1e-01, NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 110 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-02, NFE 78' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 111 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-03, NFE 148' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 112 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-04, NFE 398' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 113 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'tol 1e-05, NFE 920' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 114 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set multiplot next
unset border
set label 1 "ncsn\nannealed-langevin" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 115 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 116 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 117 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 118 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 119 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 120 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
set label 1 "ncsn\nlangevin" at graph 0.5, graph 0.5 center font ',9'
plot NaN notitle
unset label 1
set border
set label 2 'NFE 10' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 121 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 20' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 122 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 50' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 123 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 100' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 124 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 200' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 125 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
set label 2 'NFE 1000' at graph 0.03, graph 0.93 left font ',7' tc rgb '#444444' front
plot 'grid-moons.dat' index 126 using 1:2 with points pt 7 ps 0.1 lc rgb '#d62728' notitle
unset label 2
unset border
unset multiplot
unset output
