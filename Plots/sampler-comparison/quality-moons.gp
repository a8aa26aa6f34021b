# quality-moons: written by toy. Redraw with: gnuplot quality-moons.gp
set terminal pngcairo size 1640,480 enhanced font 'DejaVu Sans,11'
set output 'quality-moons.png'
set border lw 1.2
set tics out nomirror
set key top right opaque
set multiplot layout 1,3 title 'moons: sample quality against model evaluations (5000 samples)'
set logscale x
set xlabel 'model evaluations (NFE)'
set key outside right top vertical font ',8' samplen 2 spacing 0.9
set grid lc rgb '#dddddd'
set ylabel 'energy distance (symmetric log, linear within ±0.0018)'
unset logscale y
set format y '%g'
set ytics ('-1.8e+02' -5.000004, '-18' -4.000043, '-1.8' -3.000434, '-0.18' -2.004321, '-0.018' -1.041393, '-0.0018' -0.301030, '0' 0.000000, '0.0018' 0.301030, '0.018' 1.041393, '0.18' 2.004321, '1.8' 3.000434, '18' 4.000043, '1.8e+02' 5.000004)
unset key
plot 'quality-moons.dat' index 0 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-moons.dat' index 1 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-moons.dat' index 2 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-moons.dat' index 3 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-moons.dat' index 4 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-moons.dat' index 5 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-moons.dat' index 6 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-moons.dat' index 7 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-moons.dat' index 8 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-moons.dat' index 9 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-moons.dat' index 10 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-moons.dat' index 11 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-moons.dat' index 12 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-moons.dat' index 13 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-moons.dat' index 14 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-moons.dat' index 15 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-moons.dat' index 16 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-moons.dat' index 17 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-moons.dat' index 18 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-moons.dat' index 19 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-moons.dat' index 20 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-moons.dat' index 21 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
set ylabel 'MMD² (fixed bandwidth) (symmetric log, linear within ±0.00043)'
unset logscale y
set format y '%g'
set ytics ('-4.3' -4.000043, '-0.43' -3.000434, '-0.043' -2.004321, '-0.0043' -1.041393, '-0.00043' -0.301030, '0' 0.000000, '0.00043' 0.301030, '0.0043' 1.041393, '0.043' 2.004321, '0.43' 3.000434, '4.3' 4.000043)
unset key
plot 'quality-moons.dat' index 22 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-moons.dat' index 23 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-moons.dat' index 24 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-moons.dat' index 25 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-moons.dat' index 26 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-moons.dat' index 27 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-moons.dat' index 28 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-moons.dat' index 29 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-moons.dat' index 30 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-moons.dat' index 31 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-moons.dat' index 32 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-moons.dat' index 33 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-moons.dat' index 34 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-moons.dat' index 35 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-moons.dat' index 36 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-moons.dat' index 37 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-moons.dat' index 38 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-moons.dat' index 39 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-moons.dat' index 40 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-moons.dat' index 41 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-moons.dat' index 42 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-moons.dat' index 43 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     0.3010299956639812 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
set ylabel 'classifier two-sample accuracy'
unset logscale y
set format y '%g'
set ytics auto
set key
plot 'quality-moons.dat' index 44 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#1f77b4' title 'ddpm/ddpm', \
     'quality-moons.dat' index 45 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#ff7f0e' title 'ddpm/ddim', \
     'quality-moons.dat' index 46 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#2ca02c' title 'ddpm/ddim-eta1', \
     'quality-moons.dat' index 47 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#d62728' title 'ddpm/euler', \
     'quality-moons.dat' index 48 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#9467bd' title 'ddpm/heun', \
     'quality-moons.dat' index 49 using 1:2 with linespoints lw 1.5 dt 1 pt 7 ps 0.6 lc rgb '#8c564b' title 'ddpm/dpm++2m', \
     'quality-moons.dat' index 50 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#ff7f0e' title 'vp/ddim', \
     'quality-moons.dat' index 51 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#d62728' title 'vp/euler', \
     'quality-moons.dat' index 52 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#9467bd' title 'vp/heun', \
     'quality-moons.dat' index 53 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#8c564b' title 'vp/dpm++2m', \
     'quality-moons.dat' index 54 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#e377c2' title 'vp/reverse-sde', \
     'quality-moons.dat' index 55 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#7f7f7f' title 'vp/pc', \
     'quality-moons.dat' index 56 using 1:2 with linespoints lw 1.5 dt 2 pt 5 ps 0.6 lc rgb '#bcbd22' title 'vp/ode', \
     'quality-moons.dat' index 57 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#9467bd' title 've/heun', \
     'quality-moons.dat' index 58 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#e377c2' title 've/reverse-sde', \
     'quality-moons.dat' index 59 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#7f7f7f' title 've/pc', \
     'quality-moons.dat' index 60 using 1:2 with linespoints lw 1.5 dt 3 pt 9 ps 0.6 lc rgb '#bcbd22' title 've/ode', \
     'quality-moons.dat' index 61 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#e377c2' title 'subvp/reverse-sde', \
     'quality-moons.dat' index 62 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#7f7f7f' title 'subvp/pc', \
     'quality-moons.dat' index 63 using 1:2 with linespoints lw 1.5 dt 4 pt 13 ps 0.6 lc rgb '#bcbd22' title 'subvp/ode', \
     'quality-moons.dat' index 64 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#000000' title 'ncsn/annealed-langevin', \
     'quality-moons.dat' index 65 using 1:2 with linespoints lw 1.5 dt 5 pt 11 ps 0.6 lc rgb '#17becf' title 'ncsn/langevin', \
     0.4981 with lines dt 3 lw 2 lc rgb '#555555' title 'data vs data'
unset multiplot
unset output
